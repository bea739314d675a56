"""The facilitator's desk: a layer over the game with its PIN pad, panel and prompts."""
