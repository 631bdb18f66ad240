from collections import deque


def deal(cards):
    deck = deque(cards)
    table = []
    while deck:
        table.append(deck.pop(0))
        if deck:
            deck.append(deck.pop(0))
    return table
