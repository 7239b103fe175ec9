"""The web chat in a real browser: Debian's headless Chromium at phone size, driven by selenium.

Screenshots go to tests/artifacts/ (not committed). Without Chromium these tests skip, except in CI
(CI=true), where a missing browser is a failure: .ci/run installs `chromium chromium-driver`.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from bot.channels.web import MAX_TEXT, Background, WebChat
from bot.state import open_store
from bot.state.sessions import Sessions
from tests.test_web import Flow

ARTIFACTS = Path(__file__).parent / "artifacts"
PHONE = {"width": 390, "height": 844, "pixelRatio": 2}
ANDROID = ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/120.0.0.0 Mobile Safari/537.36")


def _browser_paths() -> tuple[str, str] | None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    return (chromium, driver) if chromium and driver else None


def _require_browser() -> tuple[str, str]:
    paths = _browser_paths()
    try:
        import selenium  # noqa: F401
    except ImportError:
        paths = None
    if paths is None:
        message = ("needs Chromium, chromedriver and selenium: apt-get install chromium chromium-driver; "
                   "pip install -e '.[test]'")
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return paths


@pytest.fixture(scope="module")
def site(assistant):
    store = open_store("memory")
    chat = WebChat(assistant, store, Sessions(store, assistant.tools.flows, 1800, secret=None), ip_limit=10_000,
                   session_limit=10_000)
    with Background(chat) as url:
        yield url


@pytest.fixture(scope="module")
def flows(assistant) -> dict:
    return assistant.tools.flows


@pytest.fixture(scope="module")
def downloads(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    chromium, driver_path = _require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--lang=zh-CN"):
        options.add_argument(argument)
    options.add_experimental_option("mobileEmulation", {"deviceMetrics": PHONE, "userAgent": ANDROID})
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.set_page_load_timeout(30)
    ARTIFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


@pytest.fixture()
def page(browser, site):
    """A fresh conversation: no cookie, the page loaded, the welcome shown."""
    browser.get(site + "/")
    browser.delete_all_cookies()
    browser.get(site + "/")
    wait_for(browser, lambda: len(bot_bubbles(browser)) >= 1)
    return browser


def wait_for(driver, condition, timeout: float = 20.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting; page text: {driver.find_element('id', 'log').text[-500:]}")


def bot_bubbles(driver):
    return driver.find_elements("css selector", "#log .msg.bot:not(.typing)")


def send(driver, text: str):
    """Type a message as a person would (short text) or paste it (long text), send it, wait for the reply."""
    before = len(bot_bubbles(driver))
    box = driver.find_element("id", "text")
    if len(text) > 200:
        driver.execute_script("var b = arguments[0]; b.value = arguments[1];"
                              "b.dispatchEvent(new Event('input'));", box, text)
    else:
        box.send_keys(text)
    driver.find_element("id", "send").click()
    wait_for(driver, lambda: len(bot_bubbles(driver)) > before)
    return bot_bubbles(driver)[-1]


def tap(driver, label_part: str):
    """Tap the newest button whose label contains label_part; wait for the reply."""
    before = len(bot_bubbles(driver))
    buttons = [b for b in driver.find_elements("css selector", "#log .choices button")
               if label_part in b.text and b.is_enabled()]
    assert buttons, f"no button with {label_part!r}"
    buttons[-1].click()
    wait_for(driver, lambda: len(bot_bubbles(driver)) > before)
    return bot_bubbles(driver)[-1]


def shot(driver, name: str) -> None:
    driver.save_screenshot(str(ARTIFACTS / f"web-{name}.png"))
    # the page itself never scrolls: the header and the composer stay put, only the message list moves
    assert driver.execute_script("return document.scrollingElement.scrollTop") == 0
    assert driver.execute_script("return document.scrollingElement.scrollHeight") <= PHONE["height"]


def page_errors(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def test_open_send_and_read_the_reply(page):
    assert page.execute_script("return window.innerWidth") == PHONE["width"]
    log = page.find_element("id", "log")
    assert log.get_attribute("aria-live") == "polite"
    assert page.find_element("css selector", "label[for=text]").get_attribute("textContent") == "你的消息"
    assert "你好，我是催收应对助手" in bot_bubbles(page)[0].text
    shot(page, "1-welcome")
    reply = send(page, "催收天天打电话给我爸妈，这合法吗")
    assert "情况判断" in reply.text and "现在可以做" in reply.text
    assert page.find_elements("css selector", "#log .msg.user")[-1].text.endswith("催收天天打电话给我爸妈，这合法吗")
    assert reply.find_elements("css selector", ".votes button")  # 👍 / 👎
    shot(page, "2-answer")
    assert page_errors(page) == []  # no CSP violation, no script error


def test_buttons_open_a_situation_and_an_expansion(page):
    reply = tap(page, "威胁恐吓")  # a situation button under the welcome
    assert "情况判断" in reply.text
    votes = reply.find_elements("css selector", ".votes button")
    votes[0].click()
    wait_for(page, lambda: "谢谢" in reply.find_element("css selector", ".votes").text)
    expansions = [b for b in reply.find_elements("css selector", ".choices button") if b.is_enabled()]
    if expansions:  # the core offers expansions (/law, /more, …)
        label = expansions[0].text
        more = tap(page, label)
        assert more.text.strip() and "情况判断" not in more.text
        assert page.find_elements("css selector", "#log .msg.user")[-1].text.endswith(label)
        assert not any(b.is_enabled() for b in reply.find_elements("css selector", ".choices button"))
    shot(page, "3-expansion")


def test_crisis_reply_shows_the_hotline_as_a_tel_link_first(page):
    reply = send(page, "欠了太多网贷，我真的不想活了")
    links = reply.find_elements("css selector", "a")
    assert links and links[0].get_attribute("href").startswith("tel:")
    first = reply.find_element("css selector", ":scope > :not(.sr-only)")
    assert "calls" in first.get_attribute("class")  # the call buttons come before any text
    top = page.execute_script("return arguments[0].getBoundingClientRect().top", links[0])
    assert 0 <= top < PHONE["height"] / 2  # in view without scrolling
    number, name = links[0].text.split("\n", 1)  # the number, big, then whose it is
    assert number.replace("-", "").replace(" ", "").isdigit() and name.strip()
    text_links = reply.find_elements("css selector", ".part a")
    assert text_links and all(a.get_attribute("href").startswith("tel:") for a in text_links)
    shot(page, "4-crisis")


def test_traditional_in_traditional_out(page):
    reply = send(page, "催收天天打電話給我爸媽，這合法嗎？")
    assert "情況判斷" in reply.text and "情况判断" not in reply.text
    shot(page, "5-traditional")


def answer_flow(driver, flows: dict, name: str, button: str, first_shot: str = ""):
    """Start a tool from its welcome button, then answer every question: choices by tapping their
    button, numbers and text by typing. Returns the last reply."""
    flow = Flow(flows, name)
    reply = tap(driver, button)
    if first_shot:
        shot(driver, first_shot)
    while flow.step() is not None:
        text, label = flow.next()
        reply = tap(driver, label) if label is not None else send(driver, text)
    return reply


def test_rate_by_tapping_buttons(page, flows):
    reply = answer_flow(page, flows, "rate", "算利率", first_shot="6a-rate-question")
    assert "年化" in reply.text
    # answered questions' buttons are retired; the result offers no "取消填写"
    assert not any(b.is_enabled() for b in page.find_elements("css selector", "#log .choices button")
                   if b.text == "取消填写")
    shot(page, "6-rate")


def test_a_letter_downloads(page, flows, downloads):
    reply = answer_flow(page, flows, "letter", "写信")
    link = reply.find_element("css selector", "a.download")
    filename = link.get_attribute("download")
    assert filename.startswith("letter-negotiate-") and filename.endswith(".txt")
    shot(page, "7-letter")
    page.execute_script("arguments[0].scrollIntoView(false)", link)
    shot(page, "7b-letter-download")
    link.click()
    target = downloads / filename
    wait_for(page, lambda: target.exists() and target.stat().st_size > 0)
    assert "某某借款App" in target.read_text(encoding="utf-8")


def test_a_5000_character_message_is_shown_as_text_and_answered(page):
    story = ("催收每天给我爸妈和同事打电话，还说要上门，我很害怕。" * 200)[:MAX_TEXT]
    reply = send(page, story)
    mine = page.find_elements("css selector", "#log .msg.user .part")[-1]
    assert mine.get_attribute("textContent") == story
    assert "你的消息很长" in reply.text
    reply = send(page, story + "还有")
    assert "太长" in reply.text or "有点长" in reply.text
    assert page.find_element("id", "text").get_attribute("value") == story + "还有"  # kept for editing
    shot(page, "8-long")


def test_html_injection_is_shown_as_text(page):
    attack = '<img src=x onerror="window.__owned=1"><b>粗体</b><script>window.__owned=2</script>催收'
    send(page, attack)
    mine = page.find_elements("css selector", "#log .msg.user .part")[-1]
    assert mine.text == attack
    assert not page.find_elements("css selector", "#log img, #log script")
    assert not mine.find_elements("css selector", "b")
    assert page.execute_script("return window.__owned === undefined")
    page.execute_script("arguments[0].scrollIntoView(true)", mine)
    shot(page, "9-injection")
    assert page_errors(page) == []


def test_the_page_keeps_only_b_i_and_tel_links_even_from_the_server(page):
    """Defence in depth: were the server ever to send other markup, the page would show it as text."""
    evil = ('<b>粗</b><i>斜</i><img src=x onerror="window.__owned=1"><script>window.__owned=2</script>'
            '<a href="javascript:window.__owned=3">坏链接</a><a href="tel:12356">12356</a>'
            '<a href="tel:1&#34; onclick=&#34;x">x</a>&lt;b&gt;字&amp;')
    page.execute_script("""
        var evil = arguments[0];
        window.fetch = function () {
          return Promise.resolve({status: 200, text: function () {
            return Promise.resolve(JSON.stringify({mode: 'answer', messages: [evil], buttons: [], files: []}));
          }});
        };""", evil)
    reply = send(page, "催收")
    part = reply.find_element("css selector", ".part")
    assert [b.text for b in part.find_elements("css selector", "b")] == ["粗"]
    assert [i.text for i in part.find_elements("css selector", "i")] == ["斜"]
    assert [a.get_attribute("href") for a in part.find_elements("css selector", "a")] == ["tel:12356"]
    assert not page.find_elements("css selector", "#log img, #log script")
    assert "坏链接" in part.text and "<b>字&" in part.text
    assert page.execute_script("return window.__owned === undefined")


def test_without_fetch_the_page_falls_back_to_xmlhttprequest(page):
    page.execute_script("window.fetch = undefined")
    reply = send(page, "催收说明天上门")
    assert "情况判断" in reply.text


def test_a_failed_send_keeps_the_text_and_says_so(page):
    page.execute_script("window.fetch = function () { return Promise.reject(new TypeError('offline')); }")
    reply = send(page, "催收天天打电话")
    assert "发送失败" in reply.text and "输入框" in reply.text
    assert page.find_element("id", "text").get_attribute("value") == "催收天天打电话"
    assert page.find_element("id", "send").is_enabled()


def test_the_page_scales_with_the_readers_font_size(page):
    base = page.execute_script("return parseFloat(getComputedStyle(document.querySelector('.msg')).fontSize)")
    page.execute_script("document.documentElement.style.fontSize = '150%'")
    bigger = page.execute_script("return parseFloat(getComputedStyle(document.querySelector('.msg')).fontSize)")
    assert bigger == pytest.approx(base * 1.5)
    colours = page.execute_script("""
        var s = getComputedStyle(document.querySelector('.msg.bot'));
        var u = document.querySelector('#send'); var t = getComputedStyle(u);
        return [s.color, s.backgroundColor, t.color, t.backgroundColor];""")
    assert all(c.startswith("rgb") for c in colours)
    for fg, bg in (colours[:2], colours[2:]):
        assert contrast(fg, bg) >= 4.5, (fg, bg)


def contrast(fg: str, bg: str) -> float:
    def luminance(css: str) -> float:
        r, g, b = (int(v) / 255 for v in json.loads("[" + css[css.index("(") + 1:css.index(")")] + "]")[:3])
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)
