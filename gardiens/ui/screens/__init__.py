"""The screens of the kiosk, one per moment of a team's visit (`route` says which comes when)."""
