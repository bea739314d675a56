"""Tools for educators who write missions: scaffold, live reload, mission map and playtests."""
