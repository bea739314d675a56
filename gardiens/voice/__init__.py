"""Reading texts aloud, offline: engines behind one interface, a cache of what they rendered,
the recordings authors give, and a speaker that never makes a frame wait."""
