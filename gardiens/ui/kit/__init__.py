"""What every screen is built from: the screen base, what a screen sees of the App (`Host`), pop-ups."""
