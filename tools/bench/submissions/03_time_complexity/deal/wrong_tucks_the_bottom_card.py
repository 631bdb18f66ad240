def deal(cards):
    deck = list(cards)
    table = []
    while deck:
        table.append(deck.pop(0))
        if deck:
            deck.append(deck.pop())     # move a card to the bottom
    return table
