"""Touch targets: buttons, keyboards and one answer view per puzzle type."""
