"""`gardiens console`: the facilitator's web page on the venue's LAN, bridged to the MQTT broker
(`board` keeps the kiosks' cards, `web` serves the page, the PIN and the commands)."""
