"""Tools to drive the real interface without a screen: the pilot, staged scenes, a touch-only bot."""
