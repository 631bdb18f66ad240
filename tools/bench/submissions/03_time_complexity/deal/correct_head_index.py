def deal(cards):
    # treat the list as a queue: `head` is where the deck starts now
    deck = list(cards)
    head = 0
    table = []
    while head < len(deck):
        table.append(deck[head])
        head += 1
        if head < len(deck):
            deck.append(deck[head])
            head += 1
    return table
