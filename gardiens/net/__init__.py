"""Kiosks beyond one: the MQTT link of a kiosk (its messages in `protocol`, its client in `link`)."""
