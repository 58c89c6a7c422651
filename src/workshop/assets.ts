// What the pages load, served by the tool itself: nothing comes from the internet, and the
// Content-Security-Policy allows no script or style but these files. The scripts build the page with
// textContent, never with markup, so that a name or a note can only ever be text.

export const STYLE = String.raw`
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2430;background:#f6f7f9}
main{max-width:720px;margin:0 auto;padding:16px}
body.wide main{max-width:1400px}
h1{font-size:1.35rem;margin:.2rem 0 .8rem}
h2{font-size:1.1rem;margin:1.2rem 0 .5rem}
.bar{display:flex;justify-content:space-between;align-items:center;gap:8px;margin-bottom:8px;color:#556}
.card{background:#fff;border:1px solid #dde1e7;border-radius:10px;padding:14px;margin:10px 0}
.question{font-size:1.15rem;font-weight:600;margin:.3rem 0 .8rem}
label.choice{display:flex;gap:10px;align-items:flex-start;padding:12px;border:1px solid #dde1e7;border-radius:8px;margin:6px 0;background:#fff;min-height:48px}
label.choice input{margin-top:3px;flex:none;width:20px;height:20px}
label.choice.extra{background:#f1f3f6}
.help{color:#445;font-size:.95rem}
input[type=text],input[type=number],textarea,select{font:inherit;width:100%;padding:10px;border:1px solid #b9c0ca;border-radius:8px;background:#fff}
textarea{min-height:80px}
button{font:inherit;padding:12px 16px;border-radius:8px;border:1px solid #2b5fb4;background:#2b5fb4;color:#fff;min-height:48px;cursor:pointer}
button.secondary{background:#fff;color:#2b5fb4}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:12px}
.actions button{flex:1 1 auto}
progress{width:100%;height:12px}
.error{color:#a11;font-weight:600;white-space:pre-line}
.banner{background:#fff4d6;border:1px solid #e0b84a;padding:10px;border-radius:8px;margin:8px 0}
.hidden{display:none}
table{border-collapse:collapse;width:100%}
td,th{padding:6px 8px;border-bottom:1px solid #e4e7ec;text-align:left;vertical-align:top}
.grid{display:grid;grid-template-columns:300px 340px 1fr;gap:16px}
.join img{width:100%;max-width:300px;background:#fff}
.join code{word-break:break-all;font-size:.8rem}
.dist{display:grid;grid-template-columns:minmax(120px,40%) 1fr 2.5em;gap:4px 8px;align-items:center;margin:6px 0}
.dist meter{width:100%;height:14px}
.names{grid-column:1/4;color:#556;font-size:.85rem}
.agreed{color:#145c2e;font-weight:600}
.score{font-size:1.6rem;font-weight:700}
.radar{width:100%;max-width:420px}
@media (max-width:1100px){.grid{grid-template-columns:1fr}}
`;

/** What both pages build with: elements from text only (never HTML), and catalogue texts filled in. */
const DOM_HELPERS = String.raw`
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) for (var k in attrs) {
      if (k === "text") e.textContent = attrs[k];
      else if (k === "class") e.className = attrs[k];
      else if (attrs[k] !== false && attrs[k] != null) e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }
  function fill(t, v) { return t.replace(/\{(\w+)\}/g, function (_, k) { return v[k] != null ? String(v[k]) : "{" + k + "}"; }); }
`;

export const PARTICIPANT_SCRIPT = String.raw`
(function () {
  "use strict";
  var body = document.body;
  var base = body.getAttribute("data-base");
  var root = document.getElementById("app");
  var banner = document.getElementById("banner");
  var langs = ["en", "sv", "nb", "da"];
  var lang = localStorage.getItem("ma-lang") || document.documentElement.lang || "en";
  var texts = JSON.parse(document.getElementById("texts").textContent);
  var pendingKey = "ma-pending:" + base;
  var retry = null;

${DOM_HELPERS}  function clear() { while (root.firstChild) root.removeChild(root.firstChild); }
  function offline(on) { banner.textContent = texts.wsOffline; banner.classList.toggle("hidden", !on); }

  function call(method, path, data) {
    return fetch(base + path, {
      method: method,
      credentials: "same-origin",
      headers: data ? { "content-type": "application/json" } : {},
      body: data ? JSON.stringify(data) : undefined
    }).then(function (r) {
      return r.json().then(function (j) { return { status: r.status, body: j }; });
    });
  }

  function load(question) {
    return call("GET", "/api/state?lang=" + encodeURIComponent(lang) + (question ? "&q=" + encodeURIComponent(question) : ""))
      .then(function (res) { offline(false); show(res); }, function () { offline(true); schedule(function () { load(question); }); });
  }

  function show(res) {
    if (res.body.texts) texts = res.body.texts;
    document.documentElement.lang = lang;
    if (res.status === 401) return join();
    if (res.status !== 200) return problem(res.body.error || "");
    render(res.body.view);
  }

  function problem(text) {
    var p = root.querySelector(".error");
    if (!p) { p = el("p", { class: "error", role: "alert" }); root.appendChild(p); }
    p.textContent = text;
  }

  function languageSwitch() {
    var s = el("select", { "aria-label": texts.wsLanguage, id: "lang" });
    langs.forEach(function (l) { var o = el("option", { value: l, text: l.toUpperCase() }); if (l === lang) o.selected = true; s.appendChild(o); });
    s.addEventListener("change", function () { lang = s.value; localStorage.setItem("ma-lang", lang); var q = root.getAttribute("data-question"); load(q || undefined); });
    return s;
  }

  function join() {
    clear();
    var name = el("input", { type: "text", id: "name", name: "name", autocomplete: "name", maxlength: "100", required: true });
    var role = el("input", { type: "text", id: "role", name: "role", maxlength: "100" });
    var form = el("form", { class: "card" }, [
      el("label", { for: "name", text: texts.wsYourName }), name,
      el("p"),
      el("label", { for: "role", text: texts.wsYourRole }), role,
      el("div", { class: "actions" }, [el("button", { type: "submit", text: texts.wsJoin })])
    ]);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      call("POST", "/api/join", { name: name.value, role: role.value, lang: lang }).then(show, function () { offline(true); });
    });
    root.appendChild(el("div", { class: "bar" }, [el("h1", { text: texts.wsJoinHeading }), languageSwitch()]));
    root.appendChild(el("p", { text: texts.wsJoinIntro }));
    root.appendChild(form);
    name.focus();
  }

  function choice(type, name, value, label, checked, extra, help) {
    var input = el("input", { type: type, name: name, value: JSON.stringify(value), checked: !!checked });
    return el("label", { class: "choice" + (extra ? " extra" : "") }, [input, el("span", {}, [el("span", { text: label }), help ? el("div", { class: "help", text: help }) : null])]);
  }

  function render(v) {
    clear();
    root.removeAttribute("data-question");
    var head = el("div", { class: "bar" }, [el("span", { text: v.name }), languageSwitch()]);
    root.appendChild(head);
    var p = v.progress;
    root.appendChild(el("progress", { max: String(p.shown || 1), value: String(p.answered), "aria-label": fill(texts.wsProgress, p) }));
    root.appendChild(el("div", { class: "help", text: fill(texts.wsProgress, p) }));
    if (v.ended) { root.appendChild(el("h1", { text: texts.wsEnded })); return; }
    if (!v.question) return review(v);
    var q = v.question;
    root.setAttribute("data-question", q.id);
    var form = el("form", { class: "card", "data-id": q.id, "data-type": q.type });
    form.appendChild(el("div", { class: "help", text: q.section + " · " + fill(texts.wsQuestionOf, { position: q.position, total: q.total }) }));
    form.appendChild(el("div", { class: "question", id: "question-text", text: q.text }));
    if (q.help) form.appendChild(el("details", {}, [el("summary", { text: texts.wsHelp }), el("p", { class: "help", text: q.help })]));
    var cur = q.current;
    var multi = q.type === "multi";
    var kind = multi ? "checkbox" : "radio";
    if (q.type === "single" || multi) q.options.forEach(function (o) {
      var on = multi ? Array.isArray(cur) && cur.indexOf(o.value) >= 0 : cur === o.value;
      form.appendChild(choice(kind, "answer", o.value, o.label, on, false, o.help));
    });
    if (multi) form.appendChild(choice("checkbox", "answer", [], texts.wsNoneOfThese, Array.isArray(cur) && cur.length === 0, true));
    if (q.type === "scale") for (var n = q.min; n <= q.max; n++) {
      var lab = String(n) + (n === q.min && q.minLabel ? " — " + q.minLabel : n === q.max && q.maxLabel ? " — " + q.maxLabel : "");
      form.appendChild(choice("radio", "answer", n, lab, cur === n));
    }
    if (q.type === "boolean") { form.appendChild(choice("radio", "answer", true, texts.yes, cur === true)); form.appendChild(choice("radio", "answer", false, texts.no, cur === false)); }
    if (q.type === "number") form.appendChild(el("input", { type: "number", step: "any", name: "number", inputmode: "decimal", min: q.min, max: q.max, value: typeof cur === "number" ? String(cur) : "", "aria-label": q.text + (q.unit ? " (" + q.unit + ")" : "") }));
    if (q.type === "text") form.appendChild(el("textarea", { name: "text", maxlength: "2000", "aria-label": q.text }, [document.createTextNode(typeof cur === "string" ? cur : "")]));
    if (q.allowUnknown) form.appendChild(choice(kind, "answer", "unknown", texts.dontKnow, cur === "unknown", true));
    if (q.allowNotApplicable) form.appendChild(choice(kind, "answer", "n/a", texts.notApplicableToUs, cur === "n/a", true));
    if (multi) form.addEventListener("change", function (ev) {
      var t = ev.target;
      if (!t.checked) return;
      var alone = t.closest(".extra") !== null;
      form.querySelectorAll("input[name=answer]").forEach(function (i) { if (i !== t && (alone || i.closest(".extra"))) i.checked = false; });
    });
    var note = el("textarea", { name: "note", maxlength: "2000", "aria-label": texts.wsNote }, [document.createTextNode(q.note || "")]);
    form.appendChild(el("details", q.note ? { open: true } : {}, [el("summary", { text: texts.wsNote }), note]));
    var actions = el("div", { class: "actions" });
    if (q.previous) { var back = el("button", { type: "button", class: "secondary", text: texts.wsBack }); back.addEventListener("click", function () { load(q.previous); }); actions.appendChild(back); }
    var skip = el("button", { type: "button", class: "secondary", text: texts.skipForNow });
    skip.addEventListener("click", function () { send({ question: q.id, skip: true }); });
    actions.appendChild(skip);
    actions.appendChild(el("button", { type: "submit", text: texts.wsNext }));
    form.appendChild(actions);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var value = read(form, q);
      if (value === undefined) return problem(texts.wsPickOne);
      send({ question: q.id, value: value, note: note.value });
    });
    root.appendChild(form);
  }

  function read(form, q) {
    var picked = Array.prototype.slice.call(form.querySelectorAll("input[name=answer]:checked")).map(function (i) { return JSON.parse(i.value); });
    if (q.type === "multi") {
      if (!picked.length) return undefined;
      if (picked.length === 1 && !Array.isArray(picked[0]) && (picked[0] === "unknown" || picked[0] === "n/a")) return picked[0];
      return picked.filter(function (x) { return !Array.isArray(x); });
    }
    if (q.type === "number") {
      if (picked.length) return picked[0];
      var s = form.querySelector("input[name=number]").value.trim().replace(",", ".");
      return s === "" ? undefined : Number(s);
    }
    if (q.type === "text") { var t = form.querySelector("textarea[name=text]").value.trim(); return t || undefined; }
    return picked.length ? picked[0] : undefined;
  }

  function review(v) {
    root.appendChild(el("h1", { text: texts.wsDoneHeading }));
    root.appendChild(el("p", { text: texts.wsDoneText }));
    var list = el("ol", { class: "card" });
    v.review.forEach(function (r) {
      var b = el("button", { type: "button", class: "secondary", text: r.answer });
      b.addEventListener("click", function () { load(r.id); });
      list.appendChild(el("li", {}, [el("div", { text: r.text }), b]));
    });
    root.appendChild(list);
  }

  // An answer is kept on the phone until the server has it: a lost connection or a locked phone loses nothing.
  function send(answer) {
    answer.lang = lang;
    localStorage.setItem(pendingKey, JSON.stringify(answer));
    flush();
  }
  // Sends the answer waiting on the phone, if there is one; the page on screen stays as it is otherwise.
  function flush() {
    clearTimeout(retry);
    var raw = localStorage.getItem(pendingKey);
    if (!raw) return;
    call("POST", "/api/answer", JSON.parse(raw)).then(function (res) {
      offline(false);
      if (res.status !== 429 && localStorage.getItem(pendingKey) === raw) localStorage.removeItem(pendingKey);
      if (res.status === 200) return show(res);
      if (res.status === 429) return schedule(flush);
      problem(res.body.error || "");
    }, function () { offline(true); schedule(flush); });
  }
  function schedule(task) { clearTimeout(retry); retry = setTimeout(task, 2000); }
  function resume() {
    if (localStorage.getItem(pendingKey)) flush();
    else if (!root.firstChild) load();
  }
  window.addEventListener("online", resume);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) resume(); });
  if (localStorage.getItem(pendingKey)) flush(); else load();
})();
`;

export const DASHBOARD_SCRIPT = String.raw`
(function () {
  "use strict";
  var base = document.body.getAttribute("data-base");
  var texts = JSON.parse(document.getElementById("texts").textContent);
  var banner = document.getElementById("banner");
  var state = null;
  var refetching = null;

${DOM_HELPERS}  function box(id) { var b = document.getElementById(id); while (b.firstChild) b.removeChild(b.firstChild); return b; }
  function post(path, data) {
    return fetch(base + path, { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(data || {}) })
      .then(function (r) { return r.json().then(function (j) { if (r.status !== 200) throw new Error(j.error || String(r.status)); return j; }); });
  }
  function problem(err) { banner.textContent = err.message; banner.classList.remove("hidden"); }

  function roster(people) {
    var b = box("roster");
    b.appendChild(el("h2", { text: fill(texts.wsJoined, { n: people.length }) }));
    var t = el("table", {}, [el("tr", {}, [el("th", { text: texts.wsColName }), el("th", { text: texts.wsColRole }), el("th", { text: texts.wsColProgress })])]);
    people.forEach(function (p) {
      t.appendChild(el("tr", { "data-participant": p.id }, [
        el("td", { text: p.name }), el("td", { text: p.role || "" }),
        el("td", {}, [el("progress", { max: String(p.shown || 1), value: String(p.answered) }), el("span", { class: "help", text: fill(texts.wsProgress, p) })])
      ]));
    });
    b.appendChild(t);
  }

  function controls(s) {
    var b = box("controls");
    b.appendChild(el("p", { class: "help", text: texts.wsSilent }));
    var row = el("div", { class: "actions" });
    s.sections.forEach(function (sec) {
      var btn = el("button", { type: "button", class: "secondary", "data-reveal": sec.id, text: texts.wsReveal + ": " + sec.title, disabled: s.revealed.indexOf(sec.id) >= 0 || s.revealed.indexOf("all") >= 0 });
      btn.addEventListener("click", function () { post("/api/reveal", { scope: sec.id }).then(refetch, problem); });
      row.appendChild(btn);
    });
    var all = el("button", { type: "button", "data-reveal": "all", text: texts.wsRevealAll, disabled: s.revealed.indexOf("all") >= 0 });
    all.addEventListener("click", function () { post("/api/reveal", { scope: "all" }).then(refetch, problem); });
    row.appendChild(all);
    var names = el("button", { type: "button", class: "secondary", id: "names", text: s.names ? texts.wsHideNames : texts.wsShowNames });
    names.addEventListener("click", function () { post("/api/names", { show: !s.names }).then(refetch, problem); });
    row.appendChild(names);
    var end = el("button", { type: "button", id: "end", text: texts.wsEnd, disabled: s.ended });
    end.addEventListener("click", function () { if (window.confirm(texts.wsEndConfirm)) post("/api/end", {}).then(refetch, problem); });
    row.appendChild(end);
    b.appendChild(row);
    if (s.ended) b.appendChild(el("p", {}, [el("a", { href: base + "/report.html", id: "report", target: "_blank", rel: "noopener", text: texts.wsOpenReport })]));
  }

  function choices(q) {
    var list = q.options.map(function (o) { return { value: o.value, label: o.label }; });
    if (q.type === "boolean") list = [{ value: true, label: texts.yes }, { value: false, label: texts.no }];
    if (q.type === "scale" || q.type === "number") {
      var seen = {};
      q.distribution.forEach(function (d) { var n = Number(d.value); if (d.value !== "" && !isNaN(n)) seen[n] = true; });
      if (typeof q.suggested === "number") seen[q.suggested] = true;
      list = Object.keys(seen).map(Number).sort(function (a, b) { return a - b; }).map(function (n) { return { value: n, label: String(n) }; });
    }
    list.push({ value: "unknown", label: texts.unknown });
    return list;
  }

  function reveal(s) {
    var b = box("reveal");
    if (!s.reveal.length) return;
    b.appendChild(el("h2", { text: texts.wsSpreadFirst }));
    s.reveal.forEach(function (q) {
      var card = el("section", { class: "card", "data-question": q.id });
      card.appendChild(el("div", { class: "help", text: q.section + " · " + fill(texts.wsAnsweredBy, { n: q.answered }) + (q.agreement === null ? "" : " · " + fill(texts.wsAgreement, { percent: Math.round(q.agreement * 100) })) }));
      card.appendChild(el("div", { class: "question", text: q.text }));
      var dist = el("div", { class: "dist" });
      q.distribution.forEach(function (d) {
        dist.appendChild(el("span", { text: d.display }));
        dist.appendChild(el("meter", { min: "0", max: String(q.answered || 1), value: String(d.count) }));
        dist.appendChild(el("span", { class: "count", text: String(d.count) }));
        if (d.respondents) dist.appendChild(el("div", { class: "names", text: d.respondents.join(", ") }));
      });
      card.appendChild(dist);
      if (q.type !== "text") {
        if (q.suggestedDisplay) card.appendChild(el("p", { class: "help", text: fill(texts.wsSuggested, { answer: q.suggestedDisplay }) }));
        if (q.agreed) {
          card.appendChild(el("p", { class: "agreed", text: fill(texts.wsAgreedAs, { answer: q.agreed.display }) }));
          card.appendChild(el("p", { class: "help", text: q.agreed.disagreed.length ? fill(texts.wsDisagreed, { names: q.agreed.disagreed.join(", ") }) : texts.wsNobodyElse }));
          if (q.agreed.note) card.appendChild(el("p", { class: "help", text: q.agreed.note }));
        }
        var sel = el("select", { "aria-label": texts.wsTeamAnswer, name: "team" });
        var start = q.agreed ? q.agreed.value : q.suggested;
        choices(q).forEach(function (c) { var o = el("option", { value: JSON.stringify(c.value), text: c.label }); if (JSON.stringify(c.value) === JSON.stringify(start)) o.selected = true; sel.appendChild(o); });
        var note = el("input", { type: "text", name: "note", maxlength: "2000", placeholder: texts.wsAgreeNote, "aria-label": texts.wsAgreeNote });
        var go = el("button", { type: "button", class: "agree", text: texts.wsAgree });
        if (q.type === "multi") {
          // A multiple choice is agreed option by option: the merged picks are ticked to start with.
          var picks = el("div", { class: "picks" });
          q.options.forEach(function (o) {
            var box = el("input", { type: "checkbox", value: o.value, checked: Array.isArray(start) && start.indexOf(o.value) >= 0 });
            picks.appendChild(el("label", { class: "choice" }, [box, el("span", { text: o.label })]));
          });
          go.addEventListener("click", function () {
            var value = Array.prototype.slice.call(picks.querySelectorAll("input:checked")).map(function (i) { return i.value; });
            post("/api/agree", { question: q.id, value: value, note: note.value }).then(refetch, problem);
          });
          card.appendChild(picks);
          card.appendChild(el("div", { class: "actions" }, [note, go]));
        } else {
          go.addEventListener("click", function () { post("/api/agree", { question: q.id, value: JSON.parse(sel.value), note: note.value }).then(refetch, problem); });
          card.appendChild(el("div", { class: "actions" }, [sel, note, go]));
        }
      }
      b.appendChild(card);
    });
  }

  function team(s) {
    var b = box("team");
    var t = s.team;
    // Scores would give answers away during silent scoring: they appear with the first reveal.
    if (!s.revealed.length) return b.appendChild(el("p", { class: "help", text: texts.wsSilent }));
    b.appendChild(el("h2", { text: fill(texts.wsTeamScore, { score: t.score, stage: t.stage }) }));
    b.appendChild(el("div", { class: "score", id: "team-score", "data-score": String(t.score), text: t.score + "/100" }));
    var tbl = el("table", { id: "team-dimensions" });
    t.dimensions.forEach(function (d) { tbl.appendChild(el("tr", { "data-dimension": d.id, "data-score": String(d.score) }, [el("td", { text: d.title }), el("td", { text: String(d.score) }), el("td", { text: d.stage })])); });
    b.appendChild(tbl);
    b.appendChild(el("img", { class: "radar", alt: "", src: base + "/radar.svg?v=" + s.eventId }));
  }

  function render(s) {
    state = s;
    roster(s.roster);
    controls(s);
    reveal(s);
    team(s);
  }

  function refetch() {
    if (refetching) return refetching;
    refetching = fetch(base + "/api/state", { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (s) { refetching = null; render(s); }, function () { refetching = null; });
    return refetching;
  }

  function listen(after) {
    var es = new EventSource(base + "/api/events?after=" + after);
    es.addEventListener("open", function () { banner.classList.add("hidden"); });
    es.addEventListener("error", function () { banner.textContent = texts.wsReconnecting; banner.classList.remove("hidden"); });
    es.addEventListener("progress", function (e) {
      if (!state) return;
      var p = JSON.parse(e.data);
      var i = state.roster.findIndex(function (r) { return r.id === p.id; });
      if (i < 0) state.roster.push(p); else state.roster[i] = p;
      roster(state.roster);
      refetchTeam();
    });
    ["reveal", "agree", "end", "reset"].forEach(function (type) { es.addEventListener(type, refetch); });
  }
  var teamTimer = null;
  function refetchTeam() { if (!state || !state.reveal.length) return; clearTimeout(teamTimer); teamTimer = setTimeout(refetch, 500); }

  fetch(base + "/api/state", { credentials: "same-origin" }).then(function (r) { return r.json(); }).then(function (s) { render(s); listen(s.eventId); });
})();
`;
