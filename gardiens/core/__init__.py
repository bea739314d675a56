"""The pure core of Gardiens: missions, checks, sessions and their journal. Never imports pygame."""
