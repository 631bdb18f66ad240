def deal(cards):
    deck = list(cards)
    out = []
    while len(deck) > 0:
        out.append(deck.pop(0))
        if len(deck) > 0:
            deck.append(deck.pop(0))
    return out
