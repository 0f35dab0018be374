"""The editors' flow in a real browser: headless Chromium, driven through its DevTools protocol.

Signs in on /connexion with a token, corrects a place's telephone through the form on its page,
sees it on the profile, undoes the edit from /journal, and sees the source's number again. Every
step goes through the pages' own forms (cookies, SameSite, CSRF tokens, 303 redirects), as a
person would: the script only types into fields and presses the buttons.

    python3 Tests/Browser/edit_flow.py BASE_URL TOKEN [CHROMIUM]
"""
import base64
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # websocket-client (PyPI)

BASE, TOKEN = sys.argv[1], sys.argv[2]
CHROMIUM = sys.argv[3] if len(sys.argv) > 3 else "chromium"
PLACE = "ardeche-lieu-047"
NEW_PHONE = "+33475999999"
NEW_PLACE = "Permanence numérique de la gare"


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="maillage-browser-")
        self.process = subprocess.Popen([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--remote-debugging-port=9333",
                                         f"--user-data-dir={self.profile}", "about:blank"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            try:
                targets = json.load(urllib.request.urlopen("http://127.0.0.1:9333/json/list"))
                page = next(t for t in targets if t["type"] == "page")
                break
            except Exception:
                time.sleep(0.2)
        else:
            raise SystemExit("Chromium did not open its DevTools port")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.counter = 0

    def send(self, method, **params):
        self.counter += 1
        self.socket.send(json.dumps({"id": self.counter, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.counter:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        return result.get("result", {}).get("value")

    def wait_for_page(self, previous_url=None):
        """Waits until the document has loaded (and, after a form, until the address changed or reloaded)."""
        for _ in range(150):
            time.sleep(0.1)
            state = self.evaluate("document.readyState + ' ' + location.href + ' ' + (window.__marker || '')")
            if state and state.startswith("complete") and not state.endswith("old"):
                return
        raise SystemExit(f"the page did not load (last state: {state})")

    def open(self, path):
        self.send("Page.navigate", url=BASE + path)
        self.wait_for_page()

    def submit(self, form_selector, fields):
        """Types into the form's fields and presses its submit button, like a person."""
        self.evaluate("window.__marker = 'old'")
        for name, value in fields.items():
            self.evaluate(f"document.querySelector({json.dumps(form_selector)}).elements[{json.dumps(name)}].value = {json.dumps(value)}")
        self.evaluate(f"document.querySelector({json.dumps(form_selector)}).querySelector('button[type=submit]').click()")
        self.wait_for_page()

    def screenshot(self, name, start=None):
        """Saves the page as PNG under $MAILLAGE_SCREENSHOTS, when set (Scripts/screenshots): all of it,
        or from the element whose id is `start` down (at most 1,600 px)."""
        folder = os.environ.get("MAILLAGE_SCREENSHOTS")
        if not folder:
            return
        self.send("Emulation.setDeviceMetricsOverride", width=1280, height=900, deviceScaleFactor=1, mobile=False)
        height = self.evaluate("document.documentElement.scrollHeight")
        top = 0
        if start:
            top = max(0, self.evaluate(f"document.getElementById({json.dumps(start)}).getBoundingClientRect().top + window.scrollY") - 16)
            height = min(1600, height - top)
        data = self.send("Page.captureScreenshot", format="png", captureBeyondViewport=True,
                         clip={"x": 0, "y": top, "width": 1280, "height": height, "scale": 1})["data"]
        with open(os.path.join(folder, name + ".png"), "wb") as file:
            file.write(base64.b64decode(data))

    def open_text(self, path):
        """Opens `path` and gives the page's text."""
        self.open(path)
        return self.text()

    def text(self):
        return self.evaluate("document.body.innerText")

    def close(self):
        self.socket.close()
        self.process.terminate()
        self.process.wait()


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        raise SystemExit(1)


original = json.load(urllib.request.urlopen(f"{BASE}/api/places/{PLACE}"))["telephone"]
browser = Browser()
try:
    browser.open("/connexion")
    browser.submit("form[action='/connexion']", {"token": TOKEN})
    check("Connecté : navigateur" in browser.text(), "signed in: the header names the editor")

    browser.open(f"/lieux/{PLACE}")
    check(original in browser.text(), f"the profile shows the source's telephone {original}")
    browser.evaluate("document.getElementById('corriger').scrollIntoView()")
    browser.screenshot("edition-formulaire")
    browser.submit(f"form[action='/lieux/{PLACE}/modifier']", {"telephone": NEW_PHONE})
    check(browser.evaluate("location.pathname") == f"/lieux/{PLACE}", "the form leads back to the profile")
    check(NEW_PHONE in browser.text(), f"the profile shows the corrected telephone {NEW_PHONE}")

    browser.open("/journal")
    check(NEW_PHONE in browser.text() and "Annuler cette modification" in browser.text(), "the journal lists the edit with its undo button")
    browser.screenshot("edition-journal")
    browser.submit("form[action$='/annuler']", {})
    browser.open(f"/lieux/{PLACE}")
    check(original in browser.text() and NEW_PHONE not in browser.text(), "undone from the journal: the source's telephone again")

    browser.open("/territoires/07")
    check("Compléter l'annuaire de ce territoire" in browser.text(), "a territory's page offers the editor its forms")
    browser.screenshot("edition-territoire", start="completer")
    browser.submit("form[action='/lieux/ajouter']", {"nom": NEW_PLACE, "code_insee": "07186", "horaires": "Tu 14:00-17:00",
                                                     "services": "Aide aux démarches administratives"})
    check(browser.evaluate("location.pathname").startswith("/lieux/edition-") and NEW_PLACE in browser.text(),
          "the place added from the territory's page has its own page")
    browser.open("/journal")
    browser.submit("form[action$='/annuler']", {})
    check("inactif" in browser.open_text(browser.evaluate("document.querySelector('a[href^=\"/lieux/edition-\"]').getAttribute('href')")),
          "undone from the journal: the added place is retired")

    browser.open("/lieux/ardeche-int-004")
    check("Effectif" in browser.text(), "an intermediary's page has its own form")
    browser.screenshot("edition-intervenant", start="corriger")
finally:
    browser.close()
print("browser test: signed in, corrected a telephone through the form, saw it, undid it from the journal; "
      "added a place from a territory's page and undid it; an intermediary's form")
