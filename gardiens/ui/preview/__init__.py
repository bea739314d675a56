"""The author's live preview (`gardiens play MISSION --watch`), a layer over the game: the mission
files followed (layer), its located errors (errors), the session walked to any puzzle (replay)
and the list of puzzles to jump to (jump_list)."""
