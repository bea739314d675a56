"""The team's touches and keys: fingers and the mouse as one pointer, drags, keyboard focus, and
the accessibility button in the corner of every screen."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from gardiens.ui.kit.pointer import pointer_event
from gardiens.ui.screens.accessibility import AccessibilityPanel
from gardiens.ui.widgets.base import Button, Widget

if TYPE_CHECKING:
    from gardiens.ui.kit.screen import Screen, Shell

# How far a finger must move before a press becomes a drag (design pixels).
DRAG_THRESHOLD = 24
# Around a pressed button, the room its look may take beyond its rectangle (design pixels): the
# pressed face, its shadow, the focus ring.
PRESS_MARGIN = 48
A11Y_BUTTON = "a11y"


@dataclass
class Press:
    """The finger (or mouse button) currently down: where, on what, and whether it drags."""

    widget: Widget | None
    start: tuple[int, int]
    pos: tuple[int, int]
    pointer: tuple[str, int]
    dragging: bool = False


class Input:
    """Turns pygame's events into taps, drags and keys for the screen on top of the stack."""

    def __init__(self, app: Shell) -> None:
        self.app = app
        self.press: Press | None = None
        # The accessibility button, rebuilt at each size and theme (see `place_corner`).
        self.corner: Button | None = None
        # A finger went down on an overlay: only the overlay's pressed look changes.
        self.overlay_touched = False

    def place_corner(self) -> None:
        m = self.app.metrics
        size = m.px(104)
        self.corner = Button(A11Y_BUTTON, pygame.Rect(m.px(22), m.px(14), size, size),
                             on_tap=self.app.open_accessibility, icon="access", kind="primary",
                             round_=True)

    def corner_shown(self) -> Button | None:
        """The accessibility button when the screen on top shows it (never while loading)."""
        app = self.app
        top = app.top
        # While the missions load there is no session for the panel's choices to go to.
        if (self.corner is None or not app.loaded or isinstance(top, AccessibilityPanel)
                or (top is not None and not top.shows_accessibility)):
            return None
        return self.corner

    def pressed_widget(self) -> Widget | None:
        press = self.press
        return press.widget if press is not None and not press.dragging else None

    def dragging(self) -> tuple[Widget, tuple[int, int]] | None:
        press = self.press
        if press is not None and press.dragging and press.widget is not None:
            return press.widget, press.pos
        return None

    def widgets(self) -> list[Widget]:
        """The widgets that can be touched now: the top screen's, the corner button, the preview's."""
        app = self.app
        widgets = list(app.top.widgets) if app.top is not None else []
        corner = self.corner_shown()
        if corner is not None:
            widgets.append(corner)
        speaker = app.speech.button() if app.speech is not None else None
        if speaker is not None:
            widgets.append(speaker)
        if app.preview is not None:
            widgets += app.preview.widgets()
        return widgets

    def dispatch(self, event: pygame.event.Event) -> None:
        app = self.app
        kind = event.type
        if kind == pygame.QUIT:
            if not app.kiosk:
                app.running = False
            return
        if kind in (pygame.WINDOWSIZECHANGED, pygame.VIDEORESIZE):
            if app.surface is not None and app.surface.get_size() != app.size:
                app.resize(app.surface.get_size())
            return
        if kind in (pygame.WINDOWEXPOSED, pygame.WINDOWSHOWN, pygame.WINDOWRESTORED):
            app.dirty = True
            return
        pointer = pointer_event(event, app.size)
        if pointer is not None:
            phase, pos, pid = pointer
            app.last_input = app.time
            app.show_focus = False
            if phase == "down":
                self._pointer_down(pos, pid)
            elif phase == "move":
                self._pointer_move(pos, pid)
            else:
                self._pointer_up(pos, pid)
            return
        if kind == pygame.KEYDOWN:
            app.last_input = app.time
            self._key(event)
        elif kind == pygame.TEXTINPUT:
            app.last_input = app.time
            if app.top is not None:
                app.top.on_text(event.text)
                app.dirty = True

    def _target(self, pos: tuple[int, int]) -> Widget | None:
        app = self.app
        if app.preview is not None:
            for widget in app.preview.widgets():
                if widget.hit(pos):
                    return widget
        corner = self.corner_shown()
        if corner is not None and corner.hit(pos):
            return corner
        speaker = app.speech.button() if app.speech is not None else None
        if speaker is not None and speaker.hit(pos):
            return speaker
        top = app.top
        return top.widget_at(pos) if top is not None else None

    def _pointer_down(self, pos: tuple[int, int], pid: tuple[str, int]) -> None:
        if self.press is not None:
            return  # a second finger while one is down is ignored: one team, one gesture
        widget = self._target(pos)
        self.press = Press(widget, pos, pos, pid)
        top = self.app.top
        if top is not None and top.overlay and len(self.app.stack) > 1 and (
                widget is None or not self.app.frame.under_kept()):
            self.overlay_touched = True
        elif widget is not None:
            # Only the button's look changes (its face sinks into its shadow): the frame repaints
            # around it alone, with room for its shadow and focus ring (on an overlay, over the
            # copy kept of the screens below). A card that starts to be dragged repaints all
            # (see `_pointer_move`).
            margin = self.app.metrics.px(PRESS_MARGIN)
            self.app.frame.press_changed(widget.rect.inflate(2 * margin, 2 * margin))
        else:
            self.app.dirty = True

    def _press_of(self, pid: tuple[str, int]) -> Press | None:
        """The press this pointer made, if it made the one that is down."""
        press = self.press
        return press if press is not None and press.pointer == pid else None

    def _pointer_move(self, pos: tuple[int, int], pid: tuple[str, int]) -> None:
        press = self._press_of(pid)
        if press is None:
            return
        press.pos = pos
        widget = press.widget
        if widget is None or not widget.draggable:
            return
        moved = abs(pos[0] - press.start[0]) + abs(pos[1] - press.start[1])
        started = not press.dragging and moved >= self.app.metrics.px(DRAG_THRESHOLD)
        if started:
            press.dragging = True
        if press.dragging and self.app.top is not None:
            self.app.top.on_drag(widget, pos)
            # Once the drag is under way, a card that only follows the finger (its screen saying
            # nothing else changed) moves over the screen kept without it; anything else repaints.
            if started or self.app.dirty or not self.app.frame.carry_on():
                self.app.dirty = True

    def _pointer_up(self, pos: tuple[int, int], pid: tuple[str, int]) -> None:
        press = self._press_of(pid)
        if press is None:
            return
        self.press = None
        # Shown as drawn: nothing else changed since the last frame.
        settled = not self.app.dirty
        self.app.dirty = True
        top = self.app.top
        if top is None:
            return
        widget = press.widget
        if press.dragging and widget is not None:
            # Dropped: the card leaves the finger for its place (or another's, or a box); when the
            # screen under it was kept, only what the drop changed is repainted, with where the
            # card was last drawn.
            frame = self.app.frame
            carried = frame.carried_at
            before = frame.shown() if settled and carried is not None else None
            frame.let_go()
            top.on_drop(widget, pos)
            if before is not None and carried is not None:
                frame.tapped(before, widget, (carried,))
        elif widget is not None and widget.hit(pos):
            self.app.play("tap")
            frame = self.app.frame
            before = frame.shown() if settled else None
            # The voice is imported when a team first taps, not before the kiosk's first frame.
            from gardiens.ui.speech import SPEAKER_BUTTON  # lazy: start-up

            if widget is not self.corner and widget.name != SPEAKER_BUTTON:
                top.focus = widget.name
            widget.activate(pos)
            if before is not None:
                frame.tapped(before, widget)
        elif widget is None and not (self.app.speech is not None and self.app.speech.tap(pos)):
            top.on_tap_outside(pos)

    def _key(self, event: pygame.event.Event) -> None:
        app = self.app
        top = app.top
        if top is None:
            return
        app.dirty = True
        key = event.key
        if app.preview is not None and app.preview.on_key(event):
            return
        if top.on_key(event):
            return
        shift = bool(event.mod & pygame.KMOD_SHIFT)
        if key == pygame.K_TAB:
            app.show_focus = True
            self._tab(top, -1 if shift else 1)
        elif key in (pygame.K_LEFT, pygame.K_RIGHT, pygame.K_UP, pygame.K_DOWN):
            app.show_focus = True
            dx = {pygame.K_LEFT: -1, pygame.K_RIGHT: 1}.get(key, 0)
            dy = {pygame.K_UP: -1, pygame.K_DOWN: 1}.get(key, 0)
            top.move_focus_towards(dx, dy)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            app.show_focus = True
            if top.focus == A11Y_BUTTON and self.corner is not None:
                self.corner.activate()
                return
            widget = top.find(top.focus) if top.focus else None
            if widget is not None and widget.enabled:
                app.play("tap")
                widget.activate()
        elif key == pygame.K_ESCAPE:
            top.on_back()

    def _tab(self, top: Screen, step: int) -> None:
        """Tab goes through the screen's widgets, then the accessibility button."""
        names = [w.name for w in top.focusables()]
        if self.corner_shown() is not None:
            names.append(A11Y_BUTTON)
        if not names:
            return
        if top.focus in names:
            top.focus = names[(names.index(top.focus) + step) % len(names)]
        else:
            top.focus = names[0 if step > 0 else -1]
