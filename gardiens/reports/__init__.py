"""Printable debrief sheets, written from Jinja2 templates that escape every text they show."""

from __future__ import annotations

from gardiens.reports.sheets import render_report, session_report, write_last_sheet

__all__ = ["render_report", "session_report", "write_last_sheet"]
