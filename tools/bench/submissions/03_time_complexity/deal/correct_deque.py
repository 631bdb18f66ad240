from collections import deque


def deal(cards):
    deck = deque(cards)
    table = []
    while deck:
        table.append(deck.popleft())
        if deck:
            deck.rotate(-1)     # top card goes to the bottom
    return table
