// The console's page: cards kept live over the WebSocket, commands posted with fetch.
// Every word shown comes translated from the server (the "page" JSON): none is written here.
"use strict";
(function () {
  const page = JSON.parse(document.getElementById("page").textContent);
  const W = page.words;
  const missions = new Map(page.missions.map((m) => [m.id, m]));
  const cardsBox = document.getElementById("cards");
  const banner = document.getElementById("banner");
  const empty = document.getElementById("empty");
  const template = document.getElementById("card");
  const shown = new Map(); // kiosk -> {data, element}
  // Publish-to-screen delays, for publishers that stamp their state (gardiens bench --console).
  window.gardiensLatencies = [];

  function clock(seconds) {
    const s = Math.max(0, Math.round(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }

  function say(text) {
    banner.textContent = text || "";
    banner.hidden = !text;
  }

  function post(kiosk, order) {
    fetch("/kiosk/" + encodeURIComponent(kiosk) + "/command", {
      method: "POST",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({order: order}),
    }).then((response) => {
      if (response.status === 401) { location.reload(); }
      else if (!response.ok) { say(W.failed + " (" + response.status + ")"); }
    }).catch(() => say(W.disconnected));
  }

  function build(kiosk) {
    const element = template.content.firstElementChild.cloneNode(true);
    element.dataset.kiosk = kiosk;
    element.querySelector(".name").textContent = kiosk;
    element.querySelectorAll("button[data-order]").forEach((button) => {
      button.addEventListener("click", () => {
        const kind = button.dataset.order;
        if ((kind === "end" || kind === "reset") && !confirm(W["confirm_" + kind])) { return; }
        const order = {kind: kind};
        if (kind === "add_time") { order.seconds = 120; }
        post(kiosk, order);
      });
    });
    element.querySelector("form.ready").addEventListener("submit", (event) => {
      event.preventDefault();
      post(kiosk, {kind: "hint", ready: Number(event.target.ready.value)});
    });
    element.querySelector("form.solve").addEventListener("submit", (event) => {
      event.preventDefault();
      if (!event.target.puzzle.value || !confirm(W.confirm_solve)) { return; }
      post(kiosk, {kind: "solve", puzzle: event.target.puzzle.value});
    });
    const launch = element.querySelector("form.launch");
    const fillMinutes = () => {
      const mission = missions.get(launch.mission.value);
      if (mission) { launch.minutes.value = mission.minutes; }
    };
    launch.mission.addEventListener("change", fillMinutes);
    fillMinutes();
    launch.addEventListener("submit", (event) => {
      event.preventDefault();
      const order = {kind: "launch", mission: launch.mission.value, band: launch.band.value,
                     language: launch.language.value};
      if (launch.minutes.value) { order.minutes = Number(launch.minutes.value); }
      if (launch.timer.value !== "normal") { order.timer = launch.timer.value; }
      const visit = launch.visit.value.trim().toUpperCase();
      if (visit) { order.visit = visit; }
      post(kiosk, order);
    });
    const sheets = element.querySelector("a.sheets");
    if (page.sheets.includes(kiosk)) { sheets.href = "/kiosk/" + encodeURIComponent(kiosk) + "/sheets"; }
    else { sheets.remove(); }
    return element;
  }

  function fill(element, card) {
    const state = card.state;
    const lifecycle = state ? state.lifecycle : null;
    const inGame = lifecycle === "playing" || lifecycle === "paused" || lifecycle === "briefing";
    element.className = "card alarm-" + card.alarm + (card.online === false ? " offline" : "");
    const presence = element.querySelector(".presence");
    presence.textContent = card.online === null ? W.unknown : card.online ? W.online : W.offline;
    presence.className = "presence " + (card.online ? "is-online" : "is-offline");
    const radar = element.querySelector(".radar");
    radar.textContent = inGame ? W[card.alarm] : "";
    radar.hidden = !inGame;
    let what = W.no_game;
    if (state && state.mission) {
      const mission = missions.get(state.mission);
      what = (mission ? mission.title : state.mission) + " · " + (state.band || "") + " · " +
        (state.language || "").toUpperCase() + " · " + (W[lifecycle] || lifecycle);
      if (state.outcome) { what += " · " + (W[state.outcome] || state.outcome); }
      if (card.team) { what += " · " + card.team; }
    } else if (state) { what = W[lifecycle] || lifecycle; }
    element.querySelector(".what").textContent = what;
    const puzzles = state ? state.puzzles : [];
    const done = puzzles.filter((p) => p.status === "solved" || p.status === "skipped").length;
    element.querySelector(".progress").textContent = puzzles.length ? done + " / " + puzzles.length : "–";
    element.querySelector(".clock").textContent = state && inGame ? clock(state.time_left) : "–";
    element.querySelector(".hints").textContent = state && inGame ? String(state.hints_used) : "–";
    const bar = element.querySelector(".bar");
    bar.value = puzzles.length ? done / puzzles.length : 0;
    element.querySelector(".quiet-for").textContent =
      state && lifecycle === "playing" ? W.quiet + " " + clock(state.stuck.quiet_for) : "";
    const can = {pause: lifecycle === "playing", resume: lifecycle === "paused",
                 add_time: inGame, hint: lifecycle === "playing"};
    element.querySelectorAll(".actions > button[data-order]").forEach((button) => {
      if (button.dataset.order in can) { button.hidden = !can[button.dataset.order]; }
    });
    element.querySelector(".more").hidden = !state || !(inGame || lifecycle === "debrief");
    element.querySelector("form.launch").hidden = inGame || card.online === false;
    const select = element.querySelector("form.solve select");
    const open = puzzles.filter((p) => p.status === "available" || p.status === "locked");
    const key = open.map((p) => p.id).join(" ");
    if (select.dataset.key !== key) {
      select.dataset.key = key;
      select.replaceChildren(...open.map((p) => {
        const mission = state && missions.get(state.mission);
        const option = document.createElement("option");
        option.value = p.id;
        option.textContent = (mission && mission.puzzles[p.id]) || p.id;
        return option;
      }));
    }
    const list = element.querySelector(".commands");
    list.replaceChildren(...card.commands.slice().reverse().map((sent) => {
      const item = document.createElement("li");
      item.className = "command " + sent.status;
      item.dataset.id = sent.id;
      const detail = sent.message ? " — " + (W[sent.message] || sent.message) : "";
      item.textContent = (W[sent.kind] || sent.kind) + " : " + W[sent.status] + detail;
      return item;
    }));
  }

  function order() {
    const sorted = Array.from(shown.values()).sort((a, b) =>
      a.data.rank - b.data.rank || a.data.kiosk.localeCompare(b.data.kiosk));
    sorted.forEach((entry, index) => {
      if (cardsBox.children[index] !== entry.element) {
        cardsBox.insertBefore(entry.element, cardsBox.children[index] || null);
      }
    });
    empty.hidden = shown.size > 0;
  }

  function update(card) {
    let entry = shown.get(card.kiosk);
    if (!entry) {
      entry = {element: build(card.kiosk), data: card};
      shown.set(card.kiosk, entry);
    }
    entry.data = card;
    fill(entry.element, card);
    if (card.state && card.state.at && window.gardiensLatencies.length < 100000) {
      window.gardiensLatencies.push(Date.now() / 1000 - card.state.at);
    }
  }

  function take(message) {
    if (message.type === "board") {
      shown.forEach((entry) => entry.element.remove());
      shown.clear();
      message.cards.forEach(update);
      say(message.connected ? "" : W.broker_down);
    } else if (message.type === "card") {
      update(message.card);
    } else if (message.type === "gone") {
      const entry = shown.get(message.kiosk);
      if (entry) { entry.element.remove(); shown.delete(message.kiosk); }
    } else if (message.type === "broker") {
      say(message.connected ? "" : W.broker_down);
    }
    order();
  }

  function connect() {
    const socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "/live");
    socket.onopen = () => say("");
    socket.onmessage = (event) => take(JSON.parse(event.data));
    socket.onclose = () => { say(W.disconnected); setTimeout(connect, 1000); };
  }
  order();
  connect();
})();
