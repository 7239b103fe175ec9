"""A conversation, not a search box: follow-ups in context, small talk, clarifying questions, loans over turns."""

from __future__ import annotations

import pytest

from bot.core.compose import Composer
from bot.core.dialogue import DialogueState, Session
from bot.core.loan_words import missing, read_figures, to_loan
from bot.core.textnorm import normalise
from bot.tools.dispatch import Turn


def topics(reply) -> set[str]:
    return {t for h in reply.hits[:3] for t in h.passage.topics}


def test_follow_ups_without_domain_words_are_read_in_context(assistant):
    session = Session(user="c")
    assert assistant.respond(session, "催收说明天要上门找我").mode == "answer"
    for text in ("他们还说明天来我家", "真的会来吗", "那我报警有用吗"):
        reply = assistant.respond(session, text)
        assert reply.mode == "answer", text
        assert topics(reply) & {"home_visit", "police", "threats_insults"}, text


def test_the_same_follow_up_alone_is_not_answered_as_if_it_had_context(assistant):
    assert assistant.reply("那我报警有用吗").mode in ("answer", "out_of_scope")
    assert assistant.respond(Session(user="x"), "真的会来吗").mode in ("out_of_scope", "clarify")  # asked, not guessed


def test_off_topic_mid_conversation_is_still_recognised(assistant):
    session = Session(user="c")
    assistant.respond(session, "催收天天打电话给我爸妈")
    assert assistant.respond(session, "今天天气怎么样").mode == "out_of_scope"


@pytest.mark.parametrize("text, kind", [("你好", "greeting"), ("在吗", "greeting"), ("谢谢", "thanks"),
                                        ("好的我试试", "ack"), ("你是机器人吗", "bot"), ("thanks bye", "thanks"),
                                        ("拜拜", "bye"), ("在？", "greeting"), ("嗯 我会打的", "ack"),
                                        ("哈哈你懂得真多", "thanks"), ("ok got it, thank u", "thanks"),
                                        ("👍", "ack"), ("hello? anyone there", "greeting")])
def test_small_talk_gets_one_or_two_lines(assistant, text, kind):
    reply = assistant.respond(Session(user="s"), text)
    assert reply.mode == "small_talk" and reply.small_talk == kind
    rendered = assistant.renderer.plain(reply)
    assert len(rendered.splitlines()) <= 2 and "情况判断" not in rendered


def test_small_talk_with_a_question_is_answered(assistant):
    assert assistant.respond(Session(user="s"), "谢谢，那催收打给我同事合法吗").mode == "answer"
    session = Session(user="s")
    assistant.respond(session, "催收天天打电话给我爸妈")
    assert assistant.respond(session, "有用吗").mode == "answer"  # a question, not a compliment


@pytest.mark.parametrize("text", ["被催收了怎么办", "我欠钱了", "网贷逾期了", "What should I do?", "被崔收了怎么办",
                                  "點算好 我欠咗錢", "I'm in debt, help", "😭😭😭", "hi 我想问问"])
def test_vague_opening_gets_a_question_with_the_common_situations(assistant, text):
    reply = assistant.respond(Session(user="v"), text)
    assert reply.mode == "clarify" and len(reply.buttons) == 6


def test_vague_follow_up_inside_a_conversation_is_answered(assistant):
    session = Session(user="v")
    assistant.respond(session, "催收把我的照片P成遗照发到家族群")
    assert assistant.respond(session, "怎么办啊").mode == "answer"


def test_a_loan_told_over_several_messages_is_put_together(assistant):
    session = Session(user="l")
    first = assistant.respond(session, "借了10000，说是分12期")
    assert first.loan_ask == "payment"
    second = assistant.respond(session, "每月1000")
    assert second.rate is not None and second.assumed_received  # complete once received = contract is assumed
    third = assistant.respond(session, "实际到账只有8000")
    assert third.rate is not None and round(third.rate.annual_percent, 2) == 82.38
    assert "interest_fees" in session.dialogue.topics


def test_one_amount_only_is_taken_as_received_and_said(assistant):
    reply = assistant.respond(Session(user="l"), "借了5000，一个月还5500")
    assert reply.rate is not None and reply.assumed_received
    assert "我按合同金额算" in assistant.renderer.plain(reply)


@pytest.mark.parametrize("text, figures", [
    ("借了5000，到手4000，一个月还5500", {"contract": 5000, "received": 4000, "days": 30, "payment": 5500}),
    ("借了10000元，分12个月每月还1000", {"contract": 10000, "count": 12, "payment": 1000, "period": "month"}),
    ("借了两万，半年还两万四", {"contract": 20000, "days": 182, "payment": 24000}),
    ("借了3000，一周后还3600", {"contract": 3000, "days": 7, "payment": 3600}),
    # walk 59: with the comma made half-width, "5000,100天" was read as 5,000,100 days
    ("借5000,100天还6500", {"contract": 5000, "days": 100, "payment": 6500}),
    ("借了5000，100天后还6000", {"contract": 5000, "days": 100, "payment": 6000}),
    ("借了5,000，到手4,000，一个月还5,500", {"contract": 5000, "received": 4000, "days": 30, "payment": 5500}),
])
def test_plain_words_give_the_figures(text, figures):
    found = read_figures(text)
    assert {k: found[k] for k in figures} == figures
    assert to_loan(found) is not None


@pytest.mark.parametrize("text, figures", [
    ("借了五千，到手只有三千五，现在要我还八千", {"contract": 5000, "received": 3500, "payment": 8000, "period": "single"}),
    ("借了三个月，一共还八千", {"days": 90, "payment": 8000, "period": "single"}),
    ("我已经还了6000多了", {"paid": 6000}),
    ("一共还了三千", {"paid": 3000}),
])
def test_what_is_owed_at_the_end_is_not_what_was_paid_walk_77(text, figures):
    """"现在要我还八千", "借了三个月，一共还八千" were read as 8,000 already repaid ("你说已经还了约 8,000 元…本金已经还清了"),
    and the bot asked twice "到期一共要还多少" (walk 77). What was repaid still needs 了 or 过."""
    found = read_figures(text)
    assert {k: found.get(k) for k in figures} == figures and ("paid" in figures or "paid" not in found)


def test_answers_to_a_figure_question_and_words_that_are_not_numbers():
    assert read_figures("一个月", asking="days") == {"days": 30}
    assert read_figures("没有", asking="fees") == {"fees": 0.0}
    assert read_figures("5000", asking="received") == {"received": 5000.0}
    assert read_figures("不知道", asking="payment") == {}  # never a silent guess
    assert read_figures("我欠了6万网贷") == {}  # a debt is not a loan's contract amount
    assert missing({"contract": 1.0, "period": "single"}) == ["days", "payment"]


def test_a_question_inside_a_tool_leaves_the_tool_with_a_note(assistant):
    session = Session(user="f")
    assert isinstance(assistant.respond(session, "/rate"), Turn)
    reply = assistant.respond(session, "等一下，催收说明天要来我家，这合法吗？")
    assert session.flow is None and reply.mode == "answer" and reply.note == "left_flow"
    assert "先放下" in assistant.renderer.plain(reply)


def test_a_plain_answer_stays_in_the_tool(assistant):
    session = Session(user="f")
    assistant.respond(session, "/letter")
    assert isinstance(assistant.respond(session, "1"), Turn) and session.flow is not None


def test_a_correction_switches_the_lender(assistant):
    session = Session(user="k")
    assistant.respond(session, "网贷利息太高了")
    assistant.respond(session, "不是网贷，是信用卡")
    assert session.dialogue.lender == "licensed"


def test_english_in_english_out_for_everything_the_bot_writes(assistant):
    reply = assistant.respond(Session(user="e"), "debt collectors keep calling my parents, is that legal?")
    rendered = assistant.renderer.plain(reply)
    assert reply.language == "en" and "What this is" in rendered


def test_traditional_buttons_follow_the_script(assistant):
    reply = assistant.respond(Session(user="t"), "催收一直打給我的同事，我該怎麼辦")
    assert [assistant.renderer.convert(b.label, reply.script) for b in reply.buttons][0] == "法律依據"


def test_steps_are_not_repeated_across_turns(assistant):
    session = Session(user="r")
    first = assistant.respond(session, "催收天天打电话给我爸妈")
    second = assistant.respond(session, "他们还打给我同事")
    assert not set(first.steps) & set(second.steps)


def test_state_keeps_no_message_text_and_round_trips(assistant):
    session = Session(user="p")
    text = "催收说明天要上门，我电话13800138000"
    assistant.respond(session, text)
    data = session.to_dict()
    assert "13800138000" not in str(data) and "上门" not in str(data)
    again = Session.from_dict(data, assistant.tools.flows)
    assert again.dialogue.topics == session.dialogue.topics and isinstance(again.dialogue, DialogueState)


def test_a_number_alone_gets_a_pointer_not_a_refusal(assistant):
    reply = assistant.respond(Session(user="n"), "900")
    assert reply.mode == "small_talk" and "/rate" in assistant.renderer.plain(reply)


def test_situational_passages_answer_only_their_situation(assistant):
    reply = assistant.respond(Session(user="s"), "老公背着我借了好几张信用卡，催收让我还")
    assert not {h.passage.id for h in reply.hits} & {"guide-deceased-debt", "law-civil-1161"}
    reply = assistant.respond(Session(user="s"), "我爸去世了，催收让我还他的网贷")
    assert {h.passage.id for h in reply.hits[:5]} & {"guide-deceased-debt", "law-civil-1161"}


def test_a_question_typed_at_a_letter_question_is_not_taken_as_the_answer(assistant):
    session = Session(user="q")
    assistant.respond(session, "/letter")
    assistant.respond(session, "1")
    reply = assistant.respond(session, "那写了他们会听吗")
    assert session.flow is None and reply.note == "left_flow"


def test_spaces_between_figures_keep_them_apart(assistant):
    reply = assistant.respond(Session(user="r"), "借5000 到手3500 7天还5000")
    assert reply.rate is not None and round(reply.rate.annual_percent, 2) == 2234.69


def test_misspellings_cantonese_and_emoji_are_read_as_meant(assistant):
    """Read once in triage: 崔收 is 催收; 佢哋话要打俾我老板 is about the employer; 👍 alone is an ack."""
    triage = assistant.triage("崔收天天打电话")
    assert "催收" in triage.text and triage.domain
    reply = assistant.reply("佢哋話要打俾我公司老闆，咁樣係咪違法㗎")
    assert reply.mode == "answer" and "third_party_contact" in topics(reply)
    assert assistant.triage("👍").small_talk == "ack" and assistant.triage("好的👍").text.endswith("👍")


def test_a_bad_word_table_entry_names_the_file_the_section_and_the_entry(knowledge_copy):
    from bot.core.triage import DialogueRules
    from bot.knowledge.loader import KnowledgeError

    path = knowledge_copy / "dialogue.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  崔收: 催收\n", "  崔收: [催收]\n"), encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        DialogueRules.load(path)
    assert "dialogue.yaml: spelling: entry '崔收'" in str(error.value)


def test_remembered_words_name_a_condition_once_and_an_unknown_name_is_reported(knowledge_copy):
    from bot.core.triage import DialogueRules
    from bot.knowledge.loader import KnowledgeError

    path = knowledge_copy / "dialogue.yaml"
    words = DialogueRules.load(path).remembered["bank"].words
    assert words.search("招行信用卡的催收") and words.search("my bank keeps calling")  # conditions.yaml's bank_lender
    assert not words.search("把网贷的钱打到我的银行卡里")
    path.write_text(path.read_text(encoding="utf-8").replace('"{bank_lender}"', '"{bank_lenders}"'), encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        DialogueRules.load(path)
    assert "dialogue.yaml: remembered 'bank' field 'words' names {bank_lenders}" in str(error.value)
    assert "conditions.yaml" in str(error.value)


def test_the_signs_of_a_fraud_stay_in_the_conversation(assistant):
    session = Session(user="f")
    assistant.respond(session, "有人打电话说能帮我减免一半，让我转账到他的个人账户")
    assert "scam" in session.dialogue.topics


def test_the_clarifying_question_is_asked_twice_at_most_the_second_time_in_other_words(assistant):
    session = Session(user="q")
    first = assistant.respond(session, "我欠钱了")
    second = assistant.respond(session, "网贷")
    assert (first.mode, second.mode) == ("clarify", "clarify") and second.note == "again"
    assert assistant.renderer.plain(first) != assistant.renderer.plain(second)
    assert assistant.respond(session, "就是网贷的事").mode == "answer"


def test_vague_openings_and_small_talk_are_read_by_meaning_not_only_by_word_lists(assistant):
    """Wordings in no list: the classifier trained on dialogue_training.yaml reads them."""
    for text in ("我老公的事", "关于我妈的", "i need help with something"):
        assert assistant.respond(Session(user="v"), text).mode == "clarify", text
    for text in ("Thanks mate, bye", "早晨，有冇人覆下", "感恩感恩 帮大忙啦"):
        assert assistant.respond(Session(user="s"), text).mode == "small_talk", text
    session = Session(user="c")
    assistant.respond(session, "催收天天打电话骂我，还说要来我家")
    assert assistant.respond(session, "咁我可以點做").mode == "answer"  # leans on the conversation


def test_one_figure_at_a_time_still_makes_a_loan(assistant):
    session = Session(user="l")
    for text in ("借了10000", "到手只有7000"):
        assistant.respond(session, text)
    reply = assistant.respond(session, "分12期每期还1200")
    assert reply.rate is not None and reply.rate.annual_percent > 100


def test_a_lone_me_stays_me():
    """OpenCC's tw2s turns a lone 么 into 幺: "在么" must stay a greeting."""
    from bot.core.textnorm import to_simplified

    assert to_simplified("在么") == "在么" and to_simplified("什麼") == "什么" and to_simplified("幺儿") == "幺儿"


def test_a_bad_kind_in_the_dialogue_sentences_names_the_file_and_the_kind(knowledge_copy):
    from bot.core.acts import ActRules
    from bot.knowledge.loader import KnowledgeError

    path = knowledge_copy / "dialogue_training.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("\nbye:", "\nbyes:", 1), encoding="utf-8")
    with pytest.raises(KnowledgeError) as error:
        ActRules(knowledge_copy)
    assert "dialogue_training.yaml: 'bye' must be a list" in str(error.value)
    assert "unknown kind 'byes'" in str(error.value)


def test_the_dialogue_classifier_separates_its_own_training_sentences(assistant):
    """A sanity check on training, not a measure of quality (the held-out conversation sets are that)."""
    acts = assistant.acts
    for act, lines in acts.sentences_by_act.items():
        texts = [normalise(x).text.lower() for x in lines[:30]]
        odds = [acts.read(t, v) for t, v in zip(texts, assistant.embedder.encode(texts))]
        read = [max(o, key=o.__getitem__) for o in odds]
        assert sum(r == act for r in read) >= 0.8 * len(read), act


def test_after_a_crisis_reply_saying_one_is_safer_is_heard_and_the_debt_answered(assistant):
    session = Session(user="b")
    assert assistant.respond(session, "我真的不想活了 欠了二十多万 怎么都还不上").mode == "crisis"
    assert assistant.respond(session, "家里人都不知道").mode == "crisis"  # no sign of being safer: stay with them
    safer = assistant.respond(session, "嗯 我现在在家 没事")
    assert safer.mode == "answer" and "mental_health" in session.dialogue.topics and safer.hotlines  # coping
    assert assistant.renderer.plain(safer).lstrip().startswith("谢谢你告诉我。")  # heard, without congratulating
    debt = assistant.respond(session, "我现在好一点了 就是不知道怎么还")
    assert debt.mode == "answer" and debt.hotlines  # answered, with one hotline line
    figures = Session(user="f")
    assistant.respond(figures, "我真的不想活了 欠了二十多万 怎么都还不上")
    assert assistant.respond(figures, "工资一个月五千 每个月要还八千多").mode == "answer"


def test_a_short_question_is_never_taken_for_an_acknowledgement(assistant):
    session = Session(user="q")
    assistant.respond(session, "催收发短信说我已被列为诈骗嫌疑人 让我点链接查看")
    assert assistant.respond(session, "我该不该点").mode != "small_talk"


def test_what_they_will_do_next_is_an_acknowledgement_even_with_words_about_debt(assistant):
    session = Session(user="g")
    assistant.respond(session, "催收说要把我的照片发到家族群")
    for text in ("好 我现在就去派出所", "行 我今晚跟家里说", "好吧 那我去12348问问"):
        reply = assistant.respond(session, text)
        assert (reply.mode, reply.small_talk) == ("small_talk", "ack"), text
    for text in ("好 我去报警的话要带什么", "我去派出所了他们说不管"):  # a question; what was done
        assert assistant.respond(session, text).mode == "answer", text
    assert assistant.respond(Session(user="o"), "我明天就去投诉催收").mode == "answer"  # an opening is not an ack


def test_a_new_question_announced_mid_conversation_is_invited(assistant):
    session = Session(user="n")
    assistant.respond(session, "催收天天打电话给我爸妈")
    for text in ("对了，还有个事", "诶 那我再问你个问题", "有个事", "有件事不知道该不该问", "能问你个事吗"):
        reply = assistant.respond(session, text)
        assert (reply.mode, reply.note) == ("clarify", "more"), text
        assert "你说" in assistant.renderer.plain(reply)
    assert assistant.respond(session, "还有呢").mode == "answer"  # "what else": more of the same answer


def test_an_opening_of_punctuation_or_a_greeting_with_a_question_is_asked_about(assistant):
    for text in ("。。。", "？", "你好，想問下嘢", "hi there, can I ask something?"):
        assert assistant.respond(Session(user="p"), text).mode == "clarify", text
    assert assistant.respond(Session(user="p"), "今天天气怎么样").mode == "out_of_scope"


def test_an_unrelated_question_mid_conversation_is_out_of_scope(assistant):
    session = Session(user="u")
    assistant.respond(session, "催收天天打电话给我爸妈")
    assert assistant.respond(session, "顺便问下 你知道哪里能买到便宜的机票吗").mode == "out_of_scope"
    assert assistant.respond(session, "顺便问下 他们这样打给我爸妈能投诉吗").mode == "answer"  # still about the debt


def test_thanks_and_what_they_will_do_later_is_small_talk(assistant):
    session = Session(user="t")
    assistant.respond(session, "信用卡逾期了三个月，银行说要起诉我")
    for text in ("谢谢 我先去接孩子放学", "嗯 我等老公回来跟他商量"):
        assert assistant.respond(session, text).mode == "small_talk", text


def test_a_bare_yes_mid_conversation_is_never_refused(assistant):
    session = Session(user="y")
    assistant.respond(session, "催收说要把我的照片发到家族群")
    assert assistant.respond(session, "有").mode != "out_of_scope"


def test_received_money_said_as_what_reached_the_card_and_paid_instalments_are_not_the_term(assistant):
    assert read_figures("实际到我卡上只有7000") == {"received": 7000.0}
    assert "count" not in read_figures("已经还了5期了")
    session = Session(user="l")
    for text in ("合同上写借了10000", "实际到我卡上只有7000"):
        assistant.respond(session, text)
    reply = assistant.respond(session, "分12期，每期还1100")
    assert reply.rate is not None and 130 < reply.rate.annual_percent < 145  # on the 7,000 received


def test_a_genuine_borrower_is_not_told_to_report_identity_theft(assistant):
    reply = assistant.reply("我之前在大陆借过网贷")
    assert all(h.passage.id != "guide-identity-theft" for h in reply.hits[:3])
    assert any(h.passage.id == "guide-identity-theft" for h in assistant.reply("有人拿我身份证借了网贷").hits[:3])


def test_what_the_bot_can_do_is_said_once_then_in_one_line(assistant):
    session = Session(user="o")
    first = assistant.renderer.plain(assistant.respond(session, "今天天气怎么样"))
    second = assistant.respond(session, "帮我写一首关于春天的诗")
    assert second.mode == "out_of_scope" and len(assistant.renderer.plain(second).splitlines()) == 1
    assert "你可以这样问我" in first and "你可以这样问我" not in assistant.renderer.plain(second)


def test_calling_the_hotline_is_welcomed_and_the_crisis_reply_is_not_repeated_once_they_moved_on(assistant):
    session = Session(user="r")
    assistant.respond(session, "学生 借了校园贷还不上 他们说要告诉全班")
    assert assistant.respond(session, "我真想从宿舍楼上跳下去").mode == "crisis"
    welcomed = assistant.respond(session, "嗯 打过去了 那边的人很耐心")
    assert (welcomed.mode, welcomed.small_talk) == ("small_talk", "better")
    assert welcomed.hotlines  # the hotline stays in reach
    assert assistant.respond(session, "他们真的会告诉全班吗").mode == "answer"
    later = assistant.respond(session, "好 周末回家跟爸妈商量")  # moved on: not the crisis reply again
    assert later.mode == "small_talk" and later.hotlines


def test_fear_of_people_who_threaten_is_answered_with_safety_not_a_self_harm_question(assistant):
    session = Session(user="t")
    assistant.respond(session, "找私人借了两万 一个月利息两千")
    reply = assistant.respond(session, "他说知道我家在哪 今晚就带人来")
    assert reply.mode == "answer"
    assert topics(reply) & {"home_visit", "threats_insults"}
    assert assistant.respond(session, "他还说要找人砍我").mode == "answer"


def test_money_paid_after_signs_of_a_fraud_is_about_the_fraud_not_a_loan(assistant):
    session = Session(user="s")
    assistant.respond(session, "有人说能帮我把征信上的逾期删掉")
    for text in ("要先交两千五的服务费", "我已经转了800过去了", "能要回来吗"):
        reply = assistant.respond(session, text)
        assert reply.mode == "answer" and "scam" in topics(reply), text
        assert not reply.loan_ask, text


def test_a_greeting_with_a_self_introduction_is_asked_about(assistant):
    assert assistant.respond(Session(user="g"), "hello, I'm a foreign student in Beijing").mode == "clarify"
    assert assistant.respond(Session(user="g2"), "你好 我是在东莞打工的 有件事想问下").mode == "clarify"
    assert assistant.respond(Session(user="g3"), "你好 今天天气怎么样").mode == "out_of_scope"


def test_a_question_about_ones_own_death_is_never_answered_with_inheritance(assistant):
    reply = assistant.respond(Session(user="d"), "如果我死了 欠的网贷是不是就一笔勾销了")
    assert reply.mode in ("check_in", "crisis")
    assert not {h.passage.id for h in reply.hits} & {"guide-deceased-debt", "law-civil-1161"}
    bereaved = assistant.respond(Session(user="b"), "我爸去年去世了 催收让我还他的网贷")
    assert {h.passage.id for h in bereaved.hits[:3]} & {"guide-deceased-debt", "law-civil-1161"}


def test_a_frauds_warning_is_shown_once_a_conversation(assistant):
    session = Session(user="w")
    first = assistant.respond(session, "有人打电话说是公安局的 让我把钱转到安全账户")
    assert first.scams
    again = assistant.respond(session, "他还说不转就要抓我 让我去安全账户核查")
    assert again.mode == "answer" and not again.scams
    assert assistant.respond(Session(user="w2"), "对方让我转到安全账户").scams  # a new conversation warns again


@pytest.mark.parametrize("text", ["我现在只能每个月还1000 能协商吗", "最多每月还800", "每个月只能还500"])
def test_what_the_person_can_pay_is_not_read_as_the_loans_instalment(text):
    assert read_figures(text) == {}, text


def test_danger_here_and_now_puts_110_first(assistant):
    session = Session(user="k")
    reply = assistant.respond(session, "催收的人现在就在我家门口 手里拿着刀")
    assert reply.mode == "answer" and reply.danger
    assert assistant.renderer.plain(reply).lstrip().startswith("你现在有危险：马上打 110")
    assert not assistant.respond(Session(user="k2"), "催收说下周要上门").danger  # a visit announced is not


def test_danger_that_goes_on_stays_danger_in_other_words_and_its_end_is_heard(assistant):
    # "还在拍 我好怕" right after "you are in danger" got sleep advice (勿扰模式); the paragraph is not repeated
    session = Session(user="dg")
    first = assistant.renderer.plain(assistant.respond(session, "催收的人在我家门口砸门"))
    still = assistant.respond(session, "还在拍 我好怕")
    text = assistant.renderer.plain(still)
    assert still.danger and text.lstrip().startswith("门锁好了吗") and "勿扰" not in text
    assert first.split("\n")[0] not in text
    over = assistant.respond(session, "他们走了")
    assert over.mode == "small_talk" and "记下来" in assistant.renderer.plain(over)
    # the police declining ("说这是经济纠纷…就走了") is not relief (walk 43)
    declined = Session(user="decl")
    assistant.respond(declined, "催收的人在我家门口砸门")
    reply = assistant.respond(declined, "打了110 派出所来了个人 说这是经济纠纷让我们自己协商 说完就走了")
    assert reply.mode == "answer" and "松了一口气" not in assistant.renderer.plain(reply)
    feared = Session(user="decl2")
    assistant.respond(feared, "催收的人在我家门口砸门")
    assert assistant.respond(feared, "我怕报警了他们报复").mode == "answer"  # (conversations_holdout13)
    # without a danger reply just before, fear is fear, not danger
    other = Session(user="dg2")
    assistant.respond(other, "催收说下周要上门")
    assert not assistant.respond(other, "还在拍 我好怕").danger


def test_leaving_after_a_crisis_reply_without_saying_they_are_safer_is_asked_once_more(assistant):
    session = Session(user="l")
    assert assistant.respond(session, "this is my last week, I've made up my mind").mode == "crisis"
    assert assistant.respond(session, "how much interest can they legally charge?").mode == "answer"
    leaving = assistant.respond(session, "ok thanks, bye")
    assert (leaving.mode, leaving.risk.reason) == ("crisis", "leaving")
    safer = Session(user="l2")
    assistant.respond(safer, "this is my last week, I've made up my mind")
    assistant.respond(safer, "I'm okay now, my sister is coming over")
    assert assistant.respond(safer, "ok thanks, bye").mode == "small_talk"


@pytest.mark.parametrize("first, answer, note, words", [
    ("催收天天打 感觉自己活着就是拖累", "没有 就是太累了", "tired", "累是真的"),
    # the five-turn console talk of the last change: answered with the threat steps again, the "no" not heard
    ("催收天天打电话给我爸妈 撑不下去了", "没有想伤害自己 就是累", "tired", "累是真的"),
    ("I can't take it anymore, they call my boss every day", "no, just exhausted", "tired", "wears anyone out"),
    # walk 47: "现在没有了" and "以前有过 现在没有了" got a card of repayment steps
    ("以前被催收逼得想过死", "现在没有了", "past", "说出来不容易"),
    ("撑不下去了", "以前有过 现在没有了", "past", "说出来不容易"),
    ("I can't take it anymore", "not anymore", "past", "isn't easy to say"),
    # the five-turn console talk of 2026-12-03: a thank-you after the "no" made it unheard, the question asked again
    ("我真的好累 有时候觉得活着没意思", "没有 就是累 谢谢你", "tired", "累是真的")])
def test_a_no_to_the_self_harm_question_is_heard_with_what_it_says(assistant, first, answer, note, words):
    session = Session(user="n")
    assert assistant.respond(session, first).mode == "check_in"
    reply = assistant.respond(session, answer)
    assert (reply.mode, reply.small_talk, reply.note) == ("small_talk", "not_at_risk", note) and reply.hotlines
    assert words in assistant.renderer.plain(reply)


def test_fine_just_tired_answers_the_crisis_reply(assistant):
    session = Session(user="f")
    assert assistant.respond(session, "欠了太多 真的不想活了").mode == "crisis"
    reply = assistant.respond(session, "嗯 我没事 只是太累了 这几天都睡不好")
    assert reply.mode != "crisis" and reply.hotlines


@pytest.mark.parametrize("text", ["那你能帮我写个请假条吗", "帮我推荐部好看的电影", "你会写代码吗"])
def test_a_request_for_something_else_mid_conversation_is_out_of_scope(assistant, text):
    session = Session(user="o")
    assert assistant.respond(session, "催收天天打电话给我妈").mode == "answer"
    assert assistant.respond(session, text).mode == "out_of_scope", text
    assert getattr(assistant.respond(Session(user="o2"), "帮我写一封投诉信 催收骂我"), "mode", "tool") != "out_of_scope"


@pytest.mark.parametrize("text", ["兄弟们 网贷的事谁懂啊", "家里有人欠钱了 天天被催", "i owe some apps money and dont know what to do"])
def test_vague_openings_in_everyday_words_are_asked_about(assistant, text):
    assert assistant.respond(Session(user="v"), text).mode == "clarify", text


@pytest.mark.parametrize("text", ["我是大三学生 借了点钱 好慌", "我老婆借了网贷", "我在广州 信用卡逾期了", "我是宝妈 欠了钱",
                                  "I'm a student in Beijing and I owe money on several apps"])
def test_an_opening_that_only_says_who_and_that_there_is_a_debt_is_asked_about(assistant, text):
    """Who they are, where, and that there is a debt: nothing yet of what is happening."""
    assert assistant.respond(Session(user="w"), text).mode == "clarify", text


@pytest.mark.parametrize("text", ["我老婆借了网贷 催收天天打给我", "我是学生 借了网贷 要我爸妈还吗", "我在广州 信用卡逾期了 银行说要起诉"])
def test_who_and_a_debt_with_what_is_happening_is_answered(assistant, text):
    assert assistant.respond(Session(user="w2"), text).mode == "answer", text


def test_a_misspelt_credit_record_is_read_as_the_credit_record(assistant):
    reply = assistant.respond(Session(user="zx"), "他们说今天不还就上正信")
    assert any("credit_record" in hit.passage.topics for hit in reply.hits[:3])


def test_is_this_a_bot_is_small_talk(assistant):
    reply = assistant.respond(Session(user="b"), "hi, is this a bot?")
    assert (reply.mode, reply.small_talk) == ("small_talk", "bot")


def test_a_debt_clearing_service_that_took_money_is_a_fraud(assistant):
    reply = assistant.respond(Session(user="s"), "网上有人说能帮忙处理网贷 跟平台谈减免 我已经交了1500")
    assert reply.scams and reply.scams[0].name.startswith("收费“停息挂账”")
    assert assistant.respond(Session(user="s2"), "中介说3000包办成功").scams


@pytest.mark.parametrize("text", ["借了三个平台 加起来两万", "借了12个平台", "借了十几个口子"])
def test_a_count_of_lenders_is_not_an_amount(text):
    assert "contract" not in read_figures(text) or read_figures(text)["contract"] >= 1000, text


def test_fine_it_was_just_a_moment_answers_the_crisis_reply(assistant):
    session = Session(user="m")
    assert assistant.respond(session, "我真的不想活了").mode == "crisis"
    assert assistant.respond(session, "嗯 我没事 刚刚就是一下子情绪上来了").mode != "crisis"


def test_a_helpers_relief_is_welcomed_and_lines_after_are_for_the_helper(assistant):
    session = Session(user="h")
    assert assistant.respond(session, "我妹今天发朋友圈说 对不起爸妈 这辈子就这样了").risk.helper
    relief = assistant.respond(session, "她没事 我妈现在陪着她呢")
    rendered = assistant.renderer.plain(relief)
    assert (relief.mode, relief.small_talk) == ("small_talk", "better")
    assert "听到 ta 现在没事" in rendered and "告诉家人怎么帮" in rendered and "难受的感觉" not in rendered
    later = assistant.renderer.plain(assistant.respond(session, "催收还天天打我妈电话 我妈要帮她还吗"))
    assert "告诉家人怎么帮" in later and "撑不住" not in later


def test_a_correction_answers_the_same_question_again_for_the_lender_meant(assistant):
    session = Session(user="c")
    first = assistant.respond(session, "网贷的催收天天打电话骚扰我爸妈")
    again = assistant.respond(session, "不是网贷 是信用卡 工行的")
    assert again.note == "corrected" and again.lender == "licensed"
    assert first.hits[0].passage.topics[0] in {t for h in again.hits[:3] for t in h.passage.topics}
    assert assistant.renderer.plain(again).lstrip().startswith("（好的，按你更正的情况重新说。）")


def test_a_correction_is_answered_for_what_it_says_instead_not_what_it_takes_back(assistant):
    """After a question about calls to the family, "不是家人的事，是我自己借的，他们打给我同事" got "先确认家人有没有签过担保"
    (2026-12-04): the words it takes back ("家人") were searched with the words it puts instead ("同事")."""
    session = Session(user="c2")
    assistant.respond(session, "催收天天打电话给我家里人")
    again = assistant.respond(session, "不是家人的事，是我自己借的，他们打给我同事")
    said = assistant.renderer.plain(again)
    assert again.note == "corrected" and "单位" in said and "家人有没有签过" not in said


def test_a_visit_to_the_parents_is_what_the_parents_do_and_will_they_really_go_is_answered(assistant):
    """Console check (2026-12-04): "催收说明天带人上门找我爸妈" got the borrower's own door, and "他们真的会去吗" the same
    reading again: the parents are told what to do at their door, and whether the threat is real is answered."""
    session = Session(user="parents-visit")
    first = assistant.renderer.plain(assistant.respond(session, "催收说明天带人上门找我爸妈"))
    really = assistant.renderer.plain(assistant.respond(session, "他们真的会去吗"))
    assert "告诉家人" in first and "没有人能打包票" in really


def test_the_rate_worked_out_is_given_again_when_asked_after_another_topic(assistant):
    """Walk 78 p28: figures in one message, the family's calls in the next, then "那这个利息合法吗" got the general card
    on interest without the rate already worked out."""
    session = Session(user="rate-later")
    assistant.respond(session, "借了一万，到手七千，六个月还一万二")
    assistant.respond(session, "催收还天天打我爸妈电话")
    later = assistant.respond(session, "那这个利息合法吗")
    assert later.rate is not None and "144.84%" in assistant.renderer.plain(later)


@pytest.mark.parametrize("text, paid", [("借3000到手2100，每次展期交900，展了五次了，现在还要还3000", 4500),
                                        ("借3000到手2100，交了4500展期费，你直接告诉我：我还欠不欠？", 4500)])
def test_rollover_fees_paid_are_read(text, paid):
    assert read_figures(text)["paid"] == paid


@pytest.mark.parametrize("text, says", [("借3000到手2100，每次展期交900，展了五次了，现在还要还3000", "本金已经还清了"),
                                        ("借了一万，到手七千，已经还了五千，还欠多少", "本金还差约 2,000 元")])
def test_what_was_repaid_against_what_arrived_answers_whether_anything_is_owed(assistant, text, says):
    """Walk 79 (p23): "借3000到手2100，每次展期交900，展了五次了" was asked five times "到期一共要还多少" and never told
    that 4,500 paid is more than the 2,100 that arrived."""
    reply = assistant.respond(Session(user="balance"), text)
    said = assistant.renderer.plain(reply)
    assert says in said and "还差一个数" not in said


def test_the_matter_and_which_law_in_one_message_gets_the_answer_and_the_law(assistant):
    """Walk 79 (p25): "催收打电话到我单位，跟我领导说我是老赖，这犯法吗？具体是哪条法律" got no article, then "我问的是具体哪条
    法律，你没回答" got the card on home visits."""
    session = Session(user="law-now")
    first = assistant.respond(session, "催收打电话到我单位，跟我领导说我是老赖，这犯法吗？具体是哪条法律")
    assert first.mode == "answer" and first.rights and "法律依据" in assistant.renderer.plain(first)
    again = assistant.respond(session, "我问的是具体哪条法律，你没回答")
    assert again.mode == "part" and again.part == "law"


@pytest.mark.parametrize("question", ["刚才说到哪了", "琴日講到邊？"])
def test_where_were_we_names_the_matter_or_says_nothing_is_kept(assistant, question):
    """Walk 79 (p12, p20): "刚才说到哪了" got a list of steps on recording calls; "琴日講到邊？" the card on employers."""
    session = Session(user="where")
    assistant.respond(session, "催收天天打电话给我爸妈，还说要上门")
    recap = assistant.respond(session, question)
    assert (recap.mode, recap.small_talk) == ("small_talk", "where_were_we") and recap.recap_topic
    fresh = assistant.respond(Session(user="where2"), question)
    assert fresh.small_talk == "where_were_we" and "不保存" in assistant.renderer.plain(fresh)


def test_a_rate_told_is_set_against_the_lines_for_the_lender_meant(assistant):
    """Walk 79 (p28): "利率是年化24%，这个合法吗", then "是持牌小贷公司。那24%到底合不合法" asked four times and never got a
    plain answer; "那36%呢" was asked whether they thought of hurting themselves."""
    session = Session(user="stated")
    first = assistant.respond(session, "网贷逾期了，利率是年化24%，这个合法吗")
    assert first.stated_rate == 24 and "四倍" in assistant.renderer.plain(first)
    licensed = assistant.respond(session, "是持牌小贷公司。那24%到底合不合法，你直接告诉我")
    assert "没超过24%" in assistant.renderer.plain(licensed)
    higher = assistant.respond(session, "行吧。那36%呢，超过了是不是就不用还了")
    assert higher.mode == "answer" and higher.stated_rate == 36 and "调减" in assistant.renderer.plain(higher)


def test_i_did_not_ask_x_i_asked_y_is_answered_for_y(assistant):
    """Walk 79 (p19): "不是，我没问会不会坐牢，我是问怎么跟工行谈分期" got the paragraph on prison again."""
    session = Session(user="instead")
    assistant.respond(session, "你好，我信用卡欠了八万，想问问怎么协商还款")
    assistant.respond(session, "工商银行的，我现在失业了，每个月最多能还1500")
    reply = assistant.respond(session, "不是，我没问会不会坐牢，我是问怎么跟工行谈分期")
    assert reply.hits[0].passage.id == "guide-credit-card-instalment" and "坐牢" not in assistant.renderer.plain(reply)


def test_is_that_even_legal_is_asked_of_what_was_said_before(assistant):
    """Console check (2026-12-04): "is that even legal?" after "Collectors keep calling my mom about my loan app debt" got
    the card on interest rates."""
    session = Session(user="even-legal")
    assistant.respond(session, "Collectors keep calling my mom about my loan app debt")
    reply = assistant.respond(session, "is that even legal?")
    assert "third_party_contact" in reply.hits[0].passage.topics + reply.hits[1].passage.topics
    assert "privacy" in assistant.renderer.plain(reply) and "annual rate" not in assistant.renderer.plain(reply)


def test_thanks_for_last_time_is_small_talk(assistant):
    reply = assistant.respond(Session(user="t"), "没什么事 就是想谢谢你上次帮我")
    assert (reply.mode, reply.small_talk) == ("small_talk", "thanks")


def test_a_grown_childs_debt_is_not_answered_with_school_advice(assistant):
    reply = assistant.respond(Session(user="s"), "我女儿28了 在杭州上班 借了网贷 现在催收天天打给我")
    assert "guide-children-school" not in {h.passage.id for h in reply.hits}
    school = assistant.respond(Session(user="s2"), "催收威胁要去我女儿的小学闹")
    assert "guide-children-school" in {h.passage.id for h in school.hits[:3]}


@pytest.mark.parametrize("text", ["唉 我怎么这么蠢 居然信了", "我不敢跟我爸妈说", "现在电话一响我就发抖"])
def test_feelings_mid_conversation_are_answered_with_coping(assistant, text):
    session = Session(user="f")
    assert assistant.respond(session, "催收把我的照片发到了家族群").mode == "answer"
    reply = assistant.respond(session, text)
    assert reply.mode == "answer" and "mental_health" in {t for h in reply.hits[:3] for t in h.passage.topics}, text


def test_a_yes_or_no_follow_up_on_the_same_topic_gets_the_reading_again(assistant):
    """A statement on the same topic gets new steps only; a yes-or-no question gets the reading, which answers it."""
    session = Session(user="y")
    assert assistant.respond(session, "催收说明天要去我老家找我爸妈要钱").reading
    topic = session.dialogue.topics[0]
    statement = assistant.respond(session, "他们还说要带好几个人一起去")
    assert session.dialogue.topics[0] == topic and statement.steps and not statement.reading
    question = assistant.respond(session, "他们真的会去吗")  # (answered by the reading on whether threats are real)
    assert question.reading and topic in session.dialogue.topics


@pytest.mark.parametrize("text", ["气死了 我现在就想去他们公司把那人揍一顿", "我已经喊上几个兄弟了", "打了他又怎样 大不了进去蹲几天"])
def test_wanting_to_beat_up_the_collector_gets_the_line_to_step_back(assistant, text):
    session = Session(user="r")
    assistant.respond(session, "催收天天打电话骂我 还骂我爸妈")
    reply = assistant.respond(session, text)
    assert reply.calm and "先别去" in assistant.renderer.plain(reply), text
    assert assistant.respond(Session(user="r1"), text).mode not in ("out_of_scope", "clarify"), text
    assert not assistant.respond(Session(user="r2"), "他们说要找人来打我").calm


def test_asking_what_happens_to_the_debt_if_one_dies_gets_the_question_alone(assistant):
    session = Session(user="d")
    reply = assistant.respond(session, "活着好累 要是我不在了 这些网贷是不是就不用还了")
    assert reply.mode == "check_in" and not reply.hits and not reply.reading
    answer = assistant.respond(session, "没事 我就是随便说说")  # heard, and not taken only as a joke
    assert (answer.mode, answer.small_talk) == ("small_talk", "took_back")


def test_the_number_of_instalments_given_alone_completes_the_loan(assistant):
    session = Session(user="l")
    assistant.respond(session, "借了8000 到手7200")
    asked = assistant.respond(session, "每个月还900")
    assert asked.loan_ask == "count"
    done = assistant.respond(session, "12")
    assert done.rate is not None and done.mode == "answer"
    assert read_figures("分10期 每个月还1000")["count"] == 10


def test_a_card_instalment_fee_told_as_a_percent_gets_its_real_rate(assistant):
    """Walk 68: "每期手续费0.6%" was not read, "每月还1000本金加72手续费" was read as 1000, and "12000" then gave
    "年化 -0.00%". The fee is charged on the whole amount every period: 0.6% x 12 periods is about 13.03% a year."""
    session = Session(user="card")
    first = assistant.respond(session, "信用卡账单分期，分12期，每期手续费0.6%，银行说年化才7.2%，是真的吗")
    assert first.rate is not None and round(first.rate.annual_percent, 2) == 13.03 and first.notional
    text = assistant.renderer.plain(first)
    assert "13.03%" in text and "0.6% × 12 = 7.2% 不是年化利率" in text and "你没说到手多少" not in text
    second = assistant.respond(session, "比如分12000元，每月还1000本金加72手续费")
    assert second.rate is not None and second.rate.total_repaid == 12864 and not second.notional
    assert read_figures("分期手续费每月0.75%，分24期，借了5万") == {
        "contract": 50000.0, "count": 24.0, "fee_rate": 0.75, "period": "month"}  # 0.75 is not the payment
    assert read_figures("每个月还800加100利息")["payment"] == 900


def test_a_rate_of_nothing_is_shown_as_zero_not_minus_zero(assistant):
    reply = assistant.respond(Session(user="z"), "借了12000，分12期，每月还1000")
    assert reply.rate is not None and abs(reply.rate.annual_percent) < 0.01
    assert "年化利率约 0.00%" in assistant.renderer.plain(reply)


def test_a_student_said_once_is_remembered_when_the_school_comes_up(assistant):
    session = Session(user="st")
    assistant.respond(session, "我大二 在两个平台借了五千 现在逾期了")
    assert session.dialogue.facts == ["student"]
    reply = assistant.respond(session, "他们会打给学校吗 好怕被处分")
    ids = [h.passage.id for h in reply.hits[:3]]
    assert "guide-student-school" in ids and "guide-children-school" not in ids
    parent = assistant.respond(Session(user="p"), "催收说要去我女儿的学校找班主任")
    assert "guide-children-school" in [h.passage.id for h in parent.hits[:3]]


@pytest.mark.parametrize("text, passage", [
    ("催收的电话我是接还是不接啊", "guide-answer-calls"),
    ("家里想凑钱帮我弟把网贷一次还清 怎么还才不会被坑", "guide-family-helping-pay"),
    ("三个平台都逾期了 手上就两千块 先还哪个", "guide-repay-order"),
    ("厂里裁员我被辞了 下个月的还款怎么办", "guide-income-drop"),
])
def test_everyday_questions_without_a_passage_before_now_have_one(assistant, text, passage):
    reply = assistant.respond(Session(user="q"), text)
    assert passage in [h.passage.id for h in reply.hits[:3]], text


def test_a_reading_given_earlier_is_not_repeated_when_the_topic_comes_back(assistant):
    session = Session(user="rr")
    first = assistant.respond(session, "催收天天打电话给我爸妈")
    topic = session.dialogue.topics[0]
    assistant.respond(session, "我借的钱利息是不是太高了 年化快40%")
    back = assistant.respond(session, "他们今天又打给我姑姑了")
    assert session.dialogue.topics[0] == topic and back.steps and first.reading and not back.reading
    assert assistant.respond(session, "他们这样合法吗").reading  # a yes-or-no question is answered


def test_pulling_back_after_a_crisis_reply_is_not_an_all_clear(assistant):
    session = Session(user="pb")
    assert assistant.respond(session, "该交代的事都写在纸上了 放在抽屉里").mode == "crisis"
    reply = assistant.respond(session, "没事了 不说这个")
    assert (reply.mode, reply.risk.reason) == ("crisis", "after crisis")


def test_no_footer_hotline_when_the_help_line_is_the_same_number(assistant):
    session = Session(user="h1")
    assistant.respond(session, "催收说要爆我通讯录 我真的撑不下去了 这合法吗")  # asked about, the question answered
    assistant.respond(session, "没有 就是太累了")
    rendered = assistant.renderer.plain(assistant.respond(session, "压力太大了 晚上睡不着 怎么缓解"))
    assert "求助：全国统一心理援助热线 12356" in rendered  # the help line names it; no footer line says it again
    assert "随时可以打" not in rendered and "心里难受、想找人说说" not in rendered


@pytest.mark.parametrize("text", ["ok 我先截几张图", "那算了 我自己写", "懂了 那我就不慌了", "那我就放心了"])
def test_acknowledgements_with_a_plan_or_relief_are_small_talk(assistant, text):
    session = Session(user="a")
    assistant.respond(session, "催收天天打电话给我同事")
    assert assistant.respond(session, text).mode == "small_talk", text


def test_is_the_bot_working_for_the_collectors_is_answered_as_about_the_bot(assistant):
    reply = assistant.respond(Session(user="b"), "你们是不是催收公司派来套话的")
    assert (reply.mode, reply.small_talk) == ("small_talk", "bot")
    assert "不保存你说的话" in assistant.renderer.plain(reply)


def test_danger_in_hong_kong_says_999(assistant):
    reply = assistant.respond(Session(user="hk"), "我喺香港 催收而家喺我屋企門口拍門 仲拎住刀")
    assert reply.danger and "马上打 999" in assistant.renderer.plain(reply).replace("馬上打", "马上打")


def test_fear_with_a_question_gets_the_question_answered(assistant):
    session = Session(user="fq")
    assistant.respond(session, "催收说明天要上门找我")
    reply = assistant.respond(session, "他们真的会来吗 我好怕")
    assert reply.risk.distress and "home_visit" in {t for h in reply.hits[:3] for t in h.passage.topics}


def test_the_rate_is_given_again_when_asked_after_the_loan_was_worked_out(assistant):
    session = Session(user="r")
    first = assistant.respond(session, "借了5000 到手4000 一个月还5500")
    again = assistant.respond(session, "那年化是多少")
    assert first.rate is not None and again.rate is not None
    assert round(again.rate.annual_percent, 2) == round(first.rate.annual_percent, 2)
    assert "按你刚才说的数字" in assistant.renderer.plain(again)  # one line, not the whole block again
    assert "砍头息" not in assistant.renderer.plain(again)
    # a new question about the collectors is not about the loan's cost
    other = assistant.respond(session, "他们打我爸电话合法吗")
    assert other.rate is None and "third_party_contact" in session.dialogue.topics


@pytest.mark.parametrize("text, figures", [
    ("I borrowed 5,000 and only got 4000, must repay 5500 in one month",
     {"contract": 5000, "received": 4000, "days": 30, "payment": 5500}),
    ("took out a loan of 10000, 1000 a month for 12 months", {"contract": 10000, "payment": 1000, "count": 12}),
    ("borrowed 10k, 12 monthly payments of 1000", {"contract": 10000, "payment": 1000, "count": 12}),
])
def test_english_loans_give_the_figures(text, figures):
    found = read_figures(text)
    assert {k: found[k] for k in figures} == figures and to_loan(found) is not None


def test_english_words_that_are_not_a_loan_give_no_figures():
    assert read_figures("I have 3 loans and they call me 50 times a day") == {}
    assert read_figures("one month", asking="days") == {"days": 30}


def test_an_english_loan_gets_its_rate_in_english(assistant):
    reply = assistant.respond(Session(user="e"), "I borrowed 5000 but only got 4000, and must pay back 5500 in 7 days")
    assert reply.rate is not None and reply.language == "en"
    assert "annual" in assistant.renderer.plain(reply).lower()


def test_a_message_that_says_it_is_off_topic_is_refused_unless_the_classifier_is_sure(assistant, monkeypatch):
    from dataclasses import replace

    from bot.core.risk import Risk

    session = Session(user="o")
    assistant.respond(session, "催收天天打电话给我爸妈")
    real = assistant.triage.__class__.__call__

    def at_even_odds(self, raw, state=None):  # the crisis classifier guessing 0.6 on everyday words
        return replace(real(self, raw, state), risk=Risk("none", "", probability=0.6))

    monkeypatch.setattr(assistant.triage.__class__, "__call__", at_even_odds)
    assert assistant.respond(session, "话说今晚曼城那场谁赢了").mode == "out_of_scope"
    assert assistant.respond(session, "车没了我一家老小吃什么").mode != "out_of_scope"  # no words saying so: asked


def test_an_ack_word_starting_a_story_is_not_small_talk(assistant):
    reply = assistant.respond(Session(user="s"), "收到短信说我已例案 明天上门抓人")
    assert reply.mode == "answer" and "fake_legal_threats" in topics(reply)
    assert assistant.respond(Session(user="s2"), "医保卡怎么在手机上激活啊").mode == "out_of_scope"


def test_a_car_pledged_for_the_loan_gets_the_passage_on_taking_the_car(assistant):
    reply = assistant.respond(Session(user="c"), "开网约车的 车押给贷款公司了 逾期一期他们就说要把车拖走")
    assert "guide-car-collateral" in [hit.passage.id for hit in reply.hits[:3]]
    other = assistant.respond(Session(user="c2"), "他们连我的车牌号都知道 还发到我家族群里")
    assert "guide-car-collateral" not in [hit.passage.id for hit in other.hits]


def test_a_named_situation_leads_with_its_own_reading_and_steps(assistant):
    reply = assistant.respond(Session(user="d"), "单位说催收电话太多 要开除我")
    assert "辞退理由" in reply.reading and "12333" in reply.steps[1]
    english = assistant.respond(Session(user="d2"), "The lender says they will tow my car tomorrow, can they?")
    assert "unlawful" in english.reading
    plain = assistant.respond(Session(user="d3"), "催收打到我们公司前台说我是骗子")  # no dismissal named
    assert "辞退理由" not in plain.reading



def test_a_guarantor_hears_that_a_signed_guarantee_is_owed_not_that_family_need_not_pay(assistant):
    # the collectors calling came first in the votes, and the family's reading told a guarantor it owed nothing
    reply = assistant.respond(Session(user="g"), "我是我表哥网贷的担保人 现在他不还了 催收找我 我要还吗")
    assert "保证范围" in reply.reading and "没签字担保的家人" not in reply.reading
    assert "guide-family-liability" not in [hit.passage.id for hit in reply.hits[:3]]
    mother = assistant.respond(Session(user="g2"), "催收天天打给我妈 她要替我还吗")  # no guarantee named
    assert "保证范围" not in mother.reading


def test_time_limit_advice_is_for_old_debts_not_for_a_debt_two_months_overdue(assistant):
    recent = assistant.respond(Session(user="r"), "我现在欠了3万 逾期两个月 会不会坐牢啊")
    assert not any("时效" in step or "旧债" in step for step in recent.steps)
    old = assistant.respond(Session(user="o"), "网贷2019年借的 一直没还 现在还能起诉我吗")
    assert "重新计算" in old.reading


def test_a_writer_in_hong_kong_or_taiwan_hears_that_the_help_numbers_are_mainland_ones(assistant):
    hong_kong = assistant.respond(Session(user="hk"), "我人在香港 之前在深圳借了网贷 催收天天打电话到我公司找领导")
    assert hong_kong.channels and "内地的号码" in assistant.renderer.plain(hong_kong)
    taiwan = assistant.respond(Session(user="tw"), "I'm back in Taiwan now and the loan app collectors keep calling my boss")
    assert "mainland numbers" in assistant.renderer.plain(taiwan)
    mainland = assistant.respond(Session(user="m"), "催收天天打我公司")
    assert "内地的号码" not in assistant.renderer.plain(mainland)
    # 12348 can't be dialled from there either: the note under the first answer says whose law this is
    assert "讲的是内地的法律" in assistant.renderer.plain(hong_kong) and "讲的是内地的法律" not in \
        assistant.renderer.plain(mainland)
    assert "mainland law" in assistant.renderer.plain(taiwan)

def test_chinese_amounts_with_a_tail_and_english_words_for_what_arrived():
    assert read_figures("借了1万 到手8千 30天还1万2")["payment"] == 12000
    assert read_figures("借了3千5 一周后还4千")["contract"] == 3500
    found = read_figures("i borrowed 3000 yuan, but only get 2100 in my account")
    assert found == {"contract": 3000, "received": 2100}
    alone = {**read_figures("He received 18,000 after a fee."),
             **read_figures("He has to repay 2,000 a month for 12 months.")}
    assert to_loan(alone) is not None  # one amount only: it is both what arrived and the contract


def test_instalments_asked_of_the_bank_are_not_a_loan_to_work_out(assistant):
    session = Session(user="b")
    assistant.respond(session, "信用卡欠了5万 逾期两个月了")
    assistant.respond(session, "我想跟银行申请分60期 可以吗")
    assert assistant.respond(session, "银行客服说最多只能分24期").loan_ask == ""


def test_an_english_threat_to_come_round_is_answered_as_a_home_visit(assistant):
    reply = assistant.respond(Session(user="e"), "The collector says they will come to his flat tomorrow with some guys.")
    assert topics(reply) & {"home_visit", "threats_insults"}


def test_a_student_asking_about_expulsion_is_not_read_as_an_employee(assistant):
    session = Session(user="st")
    assistant.respond(session, "我是学生 催收打给我辅导员了")
    reply = assistant.respond(session, "学校会开除我吗")
    assert "辞退理由" not in reply.reading and "学校" in reply.reading


def test_a_link_clicked_after_a_court_text_is_about_the_fraud(assistant):
    session = Session(user="l")
    assistant.respond(session, "收到短信说我被起诉了 明天开庭")
    reply = assistant.respond(session, "那个链接我点了 会不会有事")
    assert reply.scams and "guide-clicked-link" in [hit.passage.id for hit in reply.hits[:3]]


def test_interest_paid_along_the_way_counts_in_what_is_repaid():
    found = read_figures("借20000到手14000，每周还1000利息，13周后还20000本金")
    assert (found["payment"], found["days"], found["received"]) == (33000, 91, 14000)
    assert read_figures("借5000 每周还500 10周后还5000")["payment"] == 5000  # no word says the 500 is interest


def test_a_default_judgment_gets_the_appeal_deadline(assistant):
    session = Session(user="j")
    reply = assistant.respond(session, "网贷起诉我 我没去开庭 缺席判决了")
    assert "十五日内上诉" in reply.reading and "law-civpro-171" in [h.passage.id for h in reply.hits[:3]]


def test_a_question_only_the_context_can_answer_is_not_refused_mid_conversation(assistant):
    """The classifier of kinds read "What should she do tonight?" as about something else; the words say it leans
    on what was said. Said first, or with "顺便问下", it is still read alone."""
    session = Session(user="lc")
    assert assistant.respond(session, "collectors keep calling my mum").mode == "answer"
    follow = assistant.respond(session, "What should she do tonight?")
    assert follow.mode == "answer" and "third_party_contact" in follow.hits[0].passage.topics
    assert assistant.respond(Session(user="lc2"), "What should she do tonight?").mode != "answer"
    assert assistant.respond(session, "顺便问下 苹果手机怎么清理内存 怎么办").mode == "out_of_scope"


@pytest.mark.parametrize("text", ["他们说的那些是真的吗", "刚刚那条短信是真是假", "这个电话是真的假的"])
def test_an_opening_asking_whether_it_is_true_without_saying_what_is_asked_about(assistant, text):
    assert assistant.respond(Session(user="t"), text).mode == "clarify", text
    assert assistant.respond(Session(user="t2"), "催收发的律师函是真的吗").mode == "answer"


def test_thanks_for_the_warning_after_an_answer_is_small_talk(assistant):
    session = Session(user="w")
    assert assistant.respond(session, "有人说交800手续费就能帮我消逾期记录").mode == "answer"
    assert assistant.respond(session, "好险 谢谢你提醒").mode == "small_talk"


def test_saying_one_is_fine_after_a_crisis_reply_is_answered_with_ways_to_cope(assistant):
    """The last topic's words would bring back its passages (threats) for "我没事 就是太累了"."""
    session = Session(user="c")
    assert assistant.respond(session, "催收天天骂我 还把我照片发到家族群").mode == "answer"
    assert assistant.respond(session, "真的不想活了 死了就不用还了").mode == "crisis"
    reply = assistant.respond(session, "我没事 刚才就是太累了")
    assert reply.mode != "crisis" and "mental_health" in reply.hits[0].passage.topics


def test_a_cantonese_threat_to_kill_and_knowing_where_one_lives_is_a_threat(assistant):
    triage = assistant.triage("佢哋話要搞死我 仲話知我住邊度")
    assert triage.threat


def test_a_mother_of_an_adult_borrower_is_not_told_about_school_gates(assistant):
    reply = assistant.respond(Session(user="m"), "我儿子在外地借了网贷 现在催收天天打我电话")
    assert reply.mode == "answer" and "guide-children-school" not in [h.passage.id for h in reply.hits[:3]]


def test_worn_out_by_the_loans_is_not_a_threat(assistant):
    assert not assistant.triage("被网贷搞死了 天天被催").threat


def test_the_money_actually_given_is_what_was_received():
    assert read_figures("借条写的5万 实际只给了我4万") == {"contract": 50000.0, "received": 40000.0}
    assert read_figures("合同5000 放款4000") == {"contract": 5000.0, "received": 4000.0}


def test_a_threat_to_break_the_persons_legs_is_a_threat_not_their_anger(assistant):
    triage = assistant.triage("我不还 他们说要找人打断我的腿")
    assert triage.threat and not triage.retaliation


def test_calls_to_a_grandmother_with_her_age_in_between_are_about_the_debt(assistant):
    reply = assistant.respond(Session(user="g"), "我很愤怒 他们凭什么打给我七十岁的外婆")
    assert reply.mode == "answer" and "third_party_contact" in topics(reply)


@pytest.mark.parametrize("text", ["催收说今晚就带人来我家 网贷逾期三个月了", "我好害怕 他们说明天一早带几个人上门 借呗欠了两万"])
def test_a_threat_to_come_soon_leads_with_safety_even_with_words_about_the_debt(assistant, text):
    reply = assistant.reply(text)
    assert reply.hits and set(reply.hits[0].passage.topics) & {"home_visit", "threats_insults"}, text


def test_too_many_words_gets_the_last_answer_again_in_fewer_words_and_keeps_them_short(assistant):
    session = Session(user="old")
    first = assistant.respond(session, "催收天天打电话给我爸妈")
    again = assistant.respond(session, "字太多 看不懂")
    said = assistant.renderer.plain(again)
    assert again.mode == "answer" and again.brief and again.reading == first.reading
    assert again.steps == first.steps[:2] and "情况判断" not in said and "现在可以做" not in said
    later = assistant.respond(session, "那他们还会打到我单位吗")
    assert later.mode == "answer" and later.brief and 0 < len(later.steps) <= 2


def test_more_steps_after_a_brief_answer_begin_with_the_step_it_left_out(assistant):
    session = Session(user="old-more")
    assistant.respond(session, "字太多")
    first = assistant.respond(session, "催收天天打电话给我爸妈")
    assert first.brief and len(first.steps) == 2
    full = assistant.reply("催收天天打电话给我爸妈")
    more = assistant.respond(session, "更多做法")
    assert more.mode == "part" and more.steps[0] == full.steps[2]


def test_a_debt_question_in_a_crisis_gets_a_short_answer_after_asking_if_they_are_safe(assistant):
    session = Session(user="jail")
    assistant.respond(session, "网贷还不上 我不想活了")
    reply = assistant.respond(session, "欠网贷还不上会不会坐牢")
    said = assistant.renderer.plain(reply)
    assert reply.mode == "answer" and reply.note == "safe_first" and reply.brief and len(reply.steps) <= 2
    assert "坐牢" in said and "12356" in said and "情况判断" not in said


@pytest.mark.parametrize("text", ["借款合同上的字太多了 哪条是说利息的", "合同看不懂"])
def test_a_contract_that_is_hard_to_read_is_a_question_not_a_wish_for_fewer_words(assistant, text):
    session = Session(user="contract")
    assistant.respond(session, "催收天天打电话给我爸妈")
    reply = assistant.respond(session, text)
    assert not reply.brief and "brief" not in session.dialogue.shown


@pytest.mark.parametrize("emoji", ["😞😞", "😔", "💔"])
def test_sad_emoji_alone_are_never_refused(assistant, emoji):
    reply = assistant.reply(emoji)
    assert reply.mode != "out_of_scope" and "帮不上忙" not in assistant.renderer.plain(reply)


def test_dots_after_two_questions_are_met_with_patience_not_a_refusal(assistant):
    session = Session(user="dots")
    replies = [assistant.respond(session, text) for text in ("...", "...", "。。。")]
    assert [r.mode for r in replies] == ["clarify", "clarify", "small_talk"]
    assert "帮不上忙" not in assistant.renderer.plain(replies[-1]) and "我在这里" in assistant.renderer.plain(replies[-1])


def test_taiwan_numbers_put_in_place_of_110_are_not_called_mainland_numbers(assistant):
    session = Session(user="taipei")
    reply = assistant.respond(session, "我在台北 地下錢莊明天來堵我，可以報警嗎")
    said = assistant.renderer.plain(reply)
    assert "119 / 110" in said and "內地的號碼" not in said


def test_what_to_do_once_the_topics_steps_were_all_said_gets_them_again_in_order(assistant):
    """Not the steps of a passage on something else ("不给陌生人开门" after two answers on calls to parents)."""
    session = Session(user="recap")
    for text in ("催收天天打电话给我爸妈", "他们这样合法吗"):
        assistant.respond(session, text)
    reply = assistant.respond(session, "那我该怎么办")
    said = assistant.renderer.plain(reply)
    assert reply.recap and "不给陌生人开门" not in said and "按这个顺序做" in said


def test_collectors_turning_to_the_family_mid_conversation_is_answered_as_that(assistant):
    # after a question about a husband's liability, "他们说要打电话给我老公" got the liability steps again (walk 42)
    session = Session(user="tp")
    assistant.respond(session, "我怀孕五个月 网贷都是我自己名下借的 现在逾期了 老公不知道")
    reply = assistant.respond(session, "他们说要打电话给我老公")
    assert reply.hits[0].passage.topics[0] == "third_party_contact"
    # whether he must pay is still the liability answer
    again = assistant.respond(session, "那我老公要替我还吗")
    assert "family_liability" in again.hits[0].passage.topics


def test_collectors_blocking_a_car_on_the_road_is_danger_in_the_car_not_a_crisis(assistant):
    # walk 43: "先从边上退回来，到有人的地方去" and a mental-health line for a man boxed in on a 国道
    reply = assistant.respond(Session(user="road"), "现在他们四五个人开了两台车在国道上把我车给别停了 我人在车里 他们在外面敲窗户 要我下车")
    text = assistant.renderer.plain(reply)
    assert reply.mode == "answer" and reply.danger and reply.danger_where == "car"
    assert "别下车" in text and "锁好车门" in text and "边上退回来" not in text


def test_a_threat_to_break_a_leg_leads_with_safety(assistant):
    reply = assistant.respond(Session(user="leg"), "那个老板说我不还就找人卸我一条腿")
    assert {"threats_insults", "home_visit"} & set(reply.hits[0].passage.topics)
    assert "110" in assistant.renderer.plain(reply)


@pytest.mark.parametrize("text", ["今天又有个人加我微信 说是帮被骗的人追回损失的 要先交3000手续费 靠谱吗",
                                  "短信上还有个电话 说打这个电话可以撤案 要我先还一半"])
def test_a_fee_to_recover_losses_and_a_number_to_withdraw_the_case_are_warned_of(assistant, text):
    reply = assistant.respond(Session(user="scam2"), text)  # walk 43: answered with damages and harassing calls
    assert any("追回损失" in scam.name for scam in reply.scams), text
    assert "二次诈骗" in assistant.renderer.plain(reply)


def test_a_bank_loan_and_a_private_boss_in_one_message_leave_the_lender_open(assistant):
    triage = assistant.triage("找银行贷了30万经营贷 后来又找朋友介绍的一个老板借了20万 说好月息5分")
    assert triage.lender == "unknown"
    assert assistant.triage("那个不是银行 是私人老板 放高利贷的").lender == "private"


def test_a_gambling_confession_gets_what_gambling_debts_mean(assistant):
    reply = assistant.respond(Session(user="gamble"), "说出来丢人 我是玩网赌输的 前后在十几个app上借了快20万 都拿去充了")
    assert reply.hits[0].passage.id == "guide-gambling-debt"  # walk 43: family liability and 套路贷 steps


def test_a_yes_or_no_follow_up_gets_the_reading_not_the_same_steps_again(assistant):
    # "他们真的能这样吗" repeated the last answer's three steps word for word (before-stop talk, 2026-12-01)
    session = Session(user="yn")
    first = assistant.respond(session, "催收天天打电话给我爸妈 我快疯了")
    again = assistant.respond(session, "他们真的能这样吗")
    assert again.reading and not set(again.steps) & set(first.steps)


@pytest.mark.parametrize("text", ["判决下来了 我实在还不起 会被强制执行吗", "成了被执行人 怎么办"])
def test_the_same_action_is_one_bullet_however_many_passages_end_with_it(assistant, text):
    # walk 43: "确实无力全部履行的，主动申请执行和解、分期履行" and "确实困难的，向法院说明并申请执行和解、分期履行"
    # in one reply
    session = Session(user="same")
    shown = assistant.renderer.plain(assistant.respond(session, text))
    shown += assistant.renderer.plain(assistant.respond(session, "更多做法"))
    assert shown.count("执行和解、分期履行") == 1


def test_followed_in_the_street_is_danger_away_from_home_not_a_door_to_lock(assistant):
    # walk 43: a rider followed by collectors got steps about family liability, then about opening the door
    session = Session(user="rider")
    first = assistant.respond(session, "我送外卖的 催收的人骑电动车在后面跟着我")
    again = assistant.respond(session, "他们还在后面跟着 我现在在路边停着 不敢回家")
    assert first.danger and "别回家" in assistant.renderer.plain(first).replace("先别回家", "别回家")
    text = assistant.renderer.plain(again)
    assert again.danger and "别回家" in text and "门锁好" not in text


def test_danger_in_a_car_goes_on_in_other_words_and_ends_with_getting_out(assistant):
    # walk 43: "他们现在在拍我车牌" got home-visit steps, "打了 110说马上到" was not heard as help coming
    session = Session(user="road")
    assistant.respond(session, "现在他们四五个人开了两台车在国道上把我车给别停了 我人在车里 他们在外面敲窗户 要我下车")
    still = assistant.respond(session, "我没下车 门锁了 他们现在在拍我车牌")
    over = assistant.respond(session, "打了 110说马上到")
    assert still.danger and "别下车" in assistant.renderer.plain(still)
    assert over.small_talk == "danger_over" and "再下车" in assistant.renderer.plain(over)


def test_a_private_bosss_rate_asked_about_after_a_bank_loan_gets_the_private_reading(assistant):
    # walk 43: a restaurant owner's 月息5分 from a boss got "持牌机构…不适用四倍LPR" because the bank loan came up too
    session = Session(user="boss")
    assistant.respond(session, "我在县城开了个饭店 找银行贷了30万经营贷 后来又找朋友介绍的一个老板借了20万 说好月息5分")
    assistant.respond(session, "现在银行的还能勉强还 那个老板的利息我已经给了快15万了 他说现在要连本带息还40万")
    for text in ("5分是不是太高了 这个合法吗", "那我已经给他的15万利息能不能要回来 或者抵本金"):
        reply = assistant.respond(session, text)
        assert "四倍" in reply.reading and "持牌机构" not in reply.reading


def test_a_threat_to_go_to_a_sons_school_is_answered_for_the_parent_not_a_university_student(assistant):
    # walk 43: "催收说明天要去学校找我儿子" got "先跟辅导员说明情况…" written for a student who borrowed
    reply = assistant.respond(Session(user="school"), "催收说明天要去学校找我儿子")
    assert "孩子" in reply.reading and "辅导员" not in assistant.renderer.plain(reply)


@pytest.mark.parametrize("text", ["救命", "help"])
def test_a_bare_cry_for_help_gets_what_to_do_in_danger_before_the_question(assistant, text):
    # walk 44: "救命" got only "能说说具体发生了什么吗？"
    reply = assistant.respond(Session(user="help"), text)
    first = assistant.renderer.plain(reply).splitlines()[0]
    assert reply.mode == "clarify" and "110" in first


def test_a_threat_about_a_childs_exams_and_civil_service_is_answered_as_a_scare(assistant):
    # walk 44: "我女儿明年高考 政审过不了 … 考不了公务员 是真的吗" got third-party contact steps; "要看学校的规定"
    reply = assistant.respond(Session(user="exam"), "催收说我不还钱的话 我女儿明年高考 政审过不了 上不了大学 以后也考不了公务员 是真的吗")
    assert "不影响孩子上学、高考和考公务员" in reply.reading and "私立学校" in reply.reading


def test_unwell_on_prescribed_medicine_is_told_to_see_the_doctor_today_first(assistant):
    # walk 44: a woman on lithium, "手在抖 不知道是药的副作用还是吓的", got steps for checking court papers
    session = Session(user="lithium")
    assistant.respond(session, "我刚从精神科出院 双相 在吃碳酸锂 信用卡逾期了两张")
    reply = assistant.respond(session, "我现在心很慌 手在抖 不知道是药的副作用还是吓的")
    first = assistant.renderer.plain(reply).splitlines()[0]
    assert reply.side_effect and "医生" in first


@pytest.mark.parametrize("text, warning", [("他们给了个卡号 让转过去", "个人账户"),
                                           ("借款app叫我去境外赌场帮他们干活抵债 说包吃住", "境外")])
def test_a_card_number_to_pay_into_and_work_abroad_to_repay_are_warned_of(assistant, text, warning):
    # walk 44: a grandmother given a card number was never told not to transfer; an overseas "work off the debt"
    # lure was read as a gambling debt
    reply = assistant.respond(Session(user="scam"), text)
    assert any(warning in scam.name for scam in reply.scams)


@pytest.mark.parametrize("text, words", [("法院下周开庭 一定要去吗 我请不了假", "最好去"),
                                         ("包工头跑了 我半年工钱都没拿到 信用卡也逾期了", "12333")])
def test_whether_to_attend_a_hearing_and_unpaid_wages_get_their_own_answer(assistant, text, words):
    # walk 44: "开庭我要不要去" never got a yes; a migrant worker owed wages got "主动跟人事说明"
    reply = assistant.respond(Session(user="court"), text)
    assert reply.reading.startswith(words) or words in reply.reading


@pytest.mark.parametrize("text, words", [("早上出门看见门上贴了张纸 写着欠债不还 全家死光", "先拍照录像"),
                                         ("催收说我妈的骨灰盒在哪他们都知道 让我小心点", "威胁")])
def test_a_curse_on_the_door_and_a_veiled_threat_are_read_as_threats(assistant, text, words):
    # walk 44: a death curse stuck on the door got the personal-information reading and no word on whether to tear
    # it down; "我妈的骨灰盒在哪他们都知道 让我小心点" got the family-contact reading
    reply = assistant.respond(Session(user="curse"), text)
    assert words in reply.reading


def test_behind_after_a_hospital_stay_is_told_it_is_not_malicious_overdraft(assistant):
    # walk 44: "我住院又不是故意不还的" got the same "恶意透支…可能被追究刑事责任" sentence again
    session = Session(user="ward")
    assistant.respond(session, "我刚从精神科出院 在吃药 住院一个多月 两张信用卡都逾期了")
    reply = assistant.respond(session, "刑事责任？？我会坐牢吗 我住院又不是故意不还的 医生说我不能有太大压力")
    assert reply.reading.startswith("一般不会") and "不属于恶意透支" in reply.reading


@pytest.mark.parametrize("turns, passage", [
    (["法院寄来的支付令我一直没理 算算有二十多天了 现在还能异议吗"], "guide-payment-order-missed"),
    (["做兼职任务被人骗了 我从三个网贷借了钱转过去", "骗子跑了 这些网贷我是不是就不用还了"], "guide-scam-victim-loans"),
    (["I work in Shenzhen and have an unpaid credit card",
      "my job here finishes next month and I'll fly back home, anything I should do first?"], "guide-leaving-china"),
    (["女儿偷拿我的身份证在网上贷了款", "她是我闺女啊 我去派出所说了会不会把她抓起来"], "guide-family-used-id")])
def test_a_missed_payment_order_a_scam_victims_loans_leaving_china_and_a_relatives_loan_get_their_answer(
        assistant, turns, passage):
    # walk 45: a 支付令 left unanswered for weeks was told to object within 15 days; a scam victim's "so I don't have
    # to repay?" was never corrected; a teacher leaving China was not warned; a mother asking whether her son would
    # go to prison got "单纯还不上钱不会坐牢"
    session = Session(user="walk45")
    for text in turns:
        reply = assistant.respond(session, text)
    assert reply.mode == "answer" and reply.hits[0].passage.id == passage


def test_how_often_collectors_may_call_and_whether_the_bank_must_agree_are_answered_plainly(assistant):
    # walk 45: "一天最多能打几次" got no answer; "银行必须同意吗" got usury law
    calls = assistant.respond(Session(user="calls"), "法律规定催收每天最多能给我打几个电话")
    assert "没有规定“每天最多打几次”" in assistant.renderer.plain(calls)
    card = assistant.renderer.plain(assistant.respond(Session(user="card"), "信用卡停息挂账 银行是不是必须得同意"))
    assert "没有哪条法律规定银行必须同意" in card and "第七十条" in card and "描述" in card


@pytest.mark.parametrize("turns", [["催收说明天上门来打我", "那真的会打吗"],
                                   ["they said they'd send guys to my flat", "will they really come?"]])
def test_will_they_really_come_is_answered_before_the_steps(assistant, turns):
    # a five-turn console talk (2026-12-01): "那真的会打吗" got the home-visit reading again, with no plain "maybe"
    session = Session(user="real")
    for text in turns:
        reply = assistant.respond(session, text)
    assert reply.hits[0].passage.id == "guide-threat-real"
    assert any(words in reply.reading for words in ("没有人能打包票", "Nobody can promise"))


@pytest.mark.parametrize("turns, passage, words", [
    (["我在一个app上申请贷款 显示放款失败 银行卡号填错了 资金被冻结 客服说要交3000解冻费才能解冻放款"],
     "guide-loan-fee-scam", "贷款诈骗"),
    (["崔收说明天要上们抓我儿子 说他欠钱不还是诈骗犯", "他们能抓人吗"], "guide-cannot-arrest", "没有抓人的权力"),
    (["多少钱算高利贷"], "guide-usury-line", "四倍"),
    (["2019年借的网贷 app都没了 现在有个资产管理公司打电话找我", "他们让我先还500表示诚意 就可以减免"],
     "guide-goodwill-payment", "第一百九十二条"),
    (["律师函上面盖法院的章正常吗"], "guide-forged-papers", "字第"),
    (["他们手上有我之前发给他们的那种照片 说不还就发给我爸妈", "能报警吗 警察会不会也看到那些照片"],
     "guide-nude-photos", "同性别的民警"),
    (["开了个小饭馆 前年在银行贷了80万经营贷 今年生意不行 银行说要提前收回", "我房子抵押了 会被拍卖吗"],
     "guide-mortgaged-house", "优先受偿"),
    # (since walk 64 the borrower's own "must I repay" has its passage: the principal and lawful interest, not all)
    (["能全部不还吗"], "guide-borrower-owes", "实际到手的本金"),
    (["我是孩子爸爸 我欠了网贷 催收居然打电话到我女儿学校 孩子才上初二 回来一直哭", "孩子那边我该怎么说"],
     "guide-children-school", "不是你的错")])
def test_walks_46_and_49_situations_get_their_own_answer(assistant, turns, passage, words):
    # walk 46: a 解冻费 scam got court-freeze steps; "他们能抓人吗" got criminal liability for borrowing in another's
    # name; "多少钱算高利贷" got no figure; "先还500表示诚意" on a 2019 debt got repayment planning; a 律师函 with a
    # court seal got no sign of forgery; "警察会不会也看到那些照片" got a generic police card
    # walk 49: a mortgaged house got the card on a car being towed, "能全部不还吗" the card on court enforcement, and a
    # father asking what to tell his daughter "打电话前把要说的写下来，全程录音"
    session = Session(user="walk46")
    said = ""
    for text in turns:
        reply = assistant.respond(session, text)
        said += assistant.renderer.plain(reply)
    assert reply.hits[0].passage.id == passage and words in said


def test_a_lawsuit_is_not_answered_with_prison(assistant):
    # walks 45 and 46: "单纯还不上钱不会坐牢" stood first in answers about a lawsuit that asked nothing about prison
    sued = assistant.respond(Session(user="sued"), "收到法院短信说网贷平台起诉我了")
    assert "坐牢" not in sued.reading
    jail = assistant.respond(Session(user="jail"), "网贷还不上会坐牢吗")
    assert "不会坐牢" in jail.reading


def test_hiding_in_the_bathroom_to_type_is_not_danger_at_the_door(assistant):
    # walk 46: a long panicked message typed "躲在厕所里打字" so her husband would not see was told "你现在有危险：马上打
    # 110"
    text = ("救命啊我真的不知道怎么办了 我借了安逸花 借呗 微粒贷 还有好几个不知道名字的app 加起来七八万 上个月被裁员了 "
            "今天早上开始电话就没停过 一个男的说我再不还就让我全家都知道我是骗子 说已经把我资料交给律师了 下午就会有人去我老家 "
            "我妈有心脏病 我真的好怕她受刺激 还有一个说要起诉我诈骗 要坐牢三年 我老公还不知道这些事 他要是知道了肯定跟我离婚 "
            "我现在躲在厕所里打字 手一直在抖 我该先做什么啊")
    reply = assistant.respond(Session(user="hiding"), text)
    said = assistant.renderer.plain(reply)
    assert reply.mode == "answer" and "你现在有危险" not in said and "12356" in said


def test_a_visa_threat_is_answered_and_anger_is_not_a_death(assistant):
    # walk 46: "report me to immigration and cancel my visa" got the malicious-overdraft line for a bank; "我要被他们
    # 气死了" got steps for a dead relative's estate; "😭😭😭" got only the topic menu
    visa = assistant.respond(Session(user="visa"), "They said they will report me to immigration and cancel my visa")
    assert visa.hits[0].passage.id == "guide-collector-visa-threat"
    angry = assistant.respond(Session(user="angry"), "我要被他们气死了")
    assert "guide-deceased-debt" not in [hit.passage.id for hit in angry.hits]
    crying = assistant.respond(Session(user="crying"), "😭😭😭")
    assert "不好受" in assistant.renderer.plain(crying)


def test_more_repaid_than_arrived_is_said_to_have_repaid_the_principal(assistant):
    # walk 46: a 714 loan (2000 written, 1400 arrived, 6000 repaid in rollover fees) was told "实际到手的本金仍要还"
    reply = assistant.respond(Session(user="714"), "撸了个714 借2000到手1400 7天还2000 续期了好多次 我已经还了6000多了")
    said = assistant.renderer.plain(reply)
    assert "本金已经还清" in said and "本金仍要还" not in said
    assert read_figures("我已经还了6000多了")["paid"] == 6000


def test_asked_for_words_to_negotiate_the_words_are_given(assistant):
    # walk 46: "协商的时候我该怎么说 你帮我写几句" got tips, never the words
    session = Session(user="script")
    assistant.respond(session, "微粒贷逾期了 能协商吗")
    reply = assistant.respond(session, "协商的时候我该怎么说 你帮我写几句")
    assert reply.reading.startswith("可以照着说：“我是")


def test_cantonese_written_in_simplified_is_answered_in_simplified(assistant):
    # walk 46: a Shenzhen worker's "…仲话要嚟我屋企搵我" (搵 alone differs between the scripts) got traditional replies
    reply = assistant.respond(Session(user="sz"), "我喺深圳打工 借咗几个网贷 催收日日打电话俾我老豆老母 仲话要嚟我屋企搵我")
    assert reply.script == "simplified"


@pytest.mark.parametrize("request_", ["能用英文回答吗", "please reply in english, my chinese is not good",
                                      "hi can you answer in English", "识唔识讲英文", "可唔可以用英文答我"])
def test_a_request_for_english_is_said_yes_to_and_kept_when_they_write_chinese_again(assistant, request_):
    # walk 46: "can you answer in English" got a self-description, "please reply in english…" was refused; the
    # Cantonese "识唔识讲英文" was out of scope (it is read in its Mandarin words)
    session = Session(user="lang")
    yes = assistant.respond(session, request_)
    assert (yes.mode, yes.small_talk, yes.language) == ("small_talk", "language", "en")
    assert assistant.respond(session, "催收说明天上门").language == "en"
    back = assistant.respond(session, "说中文吧")
    assert (back.small_talk, back.language) == ("language", "zh")
    assert assistant.respond(session, "the collector calls my boss").language == "zh"  # until they ask again


def test_asked_not_to_be_asked_again_the_bot_stops_asking_and_says_sorry(assistant):
    # walk 47: after "别问了" the next answer opened with "你现在安全吗？", and "说了别问" got a bare list of steps
    session = Session(user="stop")
    assert assistant.respond(session, "我撑不住了 催收天天骂我全家").mode == "check_in"
    assistant.respond(session, "别问了")
    answer = assistant.respond(session, "你就说怎么让他们别骂我家里人")
    assert answer.mode == "answer" and answer.note != "safe_first" and answer.hotlines
    sorry = assistant.respond(session, "烦死了 说了别问")
    assert (sorry.mode, sorry.small_talk) == ("small_talk", "stop_asking")
    assert assistant.renderer.plain(sorry).startswith("对不起，我不再问了")


@pytest.mark.parametrize("turns, passage, words", [
    (["朋友借了我10万 约定月息2分 去年签的 这合法吗"], "guide-loan-between-people", "不是套路贷"),
    (["朋友借了我10万 约定月息2分 去年签的 这合法吗", "以前不是说24%以内都受保护吗"], "guide-loan-between-people",
     "不再适用"),
    (["我微信支付突然被冻了 银行卡也不能转账 是不是因为网贷逾期"], "guide-frozen-account", "先保全"),
    (["去年在一家美容学校报了个纹绣培训 学费是分期 结果是个网贷 2万多 现在学校跑路了"], "guide-training-loan", "12315"),
    (["驾校让我办了个培训贷 现在驾校倒闭了 贷款还要继续还吗"], "guide-training-loan", "两份合同"),
    (["我查到了那个催收员的真名和他家地址 我想发到网上曝光他 可以吗"], "guide-do-not-expose-collector", "担责"),
    (["我儿子欠了网贷 昨天催收打电话骂了他 今天一整天联系不上 电话关机", "报警他们会管吗 成年人失踪不是要48小时吗"],
     "guide-report-missing-now", "不用等24或48小时")])
def test_walk_47_legal_answers_are_right_for_the_situation(assistant, turns, passage, words):
    # walk 47: a friend's loan at 月息2分 was called 套路贷 with a contract "可能无效" and a police report advised;
    # the old 24% rule was never corrected; a frozen account was told only a final judgment freezes accounts; a
    # beauty school's 培训贷 got the card on threats to a child at school; a wish to post a collector's address
    # online was answered as if the writer were the one exposed; a mother's "成年人失踪不是要48小时吗" was never
    # told there is no wait
    session = Session(user="walk47")
    for text in turns:
        reply = assistant.respond(session, text)
    said = assistant.renderer.plain(reply)
    assert passage in [hit.passage.id for hit in reply.hits[:2]] and words in said
    assert "套路贷" not in said.replace("不是套路贷", "") and "才会被强制执行" not in said


def test_then_what_after_an_answer_gets_its_further_steps(assistant):
    # walk 47: "然后呢" after the home-visit card got "好的。有新情况随时告诉我。", as if the talk were over
    session = Session(user="then")
    assistant.respond(session, "催收说明天上门")
    assistant.respond(session, "嗯")
    reply = assistant.respond(session, "然后呢")
    assert (reply.mode, reply.part) == ("part", "more") and reply.steps


def test_being_told_the_answers_are_useless_gets_an_apology_not_you_are_welcome(assistant):
    # walk 48: "你说的都是废话 有个屁用" got "不客气"
    session = Session(user="useless")
    assistant.respond(session, "催收天天打我电话")
    reply = assistant.respond(session, "你说的都是废话 有个屁用")
    assert (reply.mode, reply.small_talk) == ("small_talk", "frustrated")
    assert assistant.renderer.plain(reply).startswith("对不起")
    assert assistant.respond(Session(user="thanks"), "谢谢你 真有用").small_talk == "thanks"
    assert assistant.respond(Session(user="self"), "我是不是很没用").small_talk != "frustrated"  # about themselves


@pytest.mark.parametrize("text, passage, words", [
    ("我要去他们公司把他们那砸了 地址我都知道 砸了犯法吗", "guide-do-not-retaliate", "故意毁坏财物罪"),
    ("实在还不上了 有人说可以去卖肾 能卖二三十万", "guide-do-not-sell-organs", "别去卖肾"),
    ("过年想回家 但是催收说已经在我老家派出所备案了 回去就被抓", "guide-cannot-arrest", "不会因此被抓"),
    ("我开了个小厂 前年在银行做了200万经营贷 一部分钱拿去还了房贷 现在银行说我挪用 要提前收回", "law-civil-673",
     "提前收回借款")])
def test_walk_48_a_wish_to_smash_their_office_or_sell_a_kidney_is_warned_against(assistant, text, passage, words):
    # walk 48: smashing the collectors' office was answered as collectors coming to the writer's door, selling a
    # kidney with a checklist for negotiating, "回去就被抓" with how to report to the police (never "不会"), and a
    # business loan called in early for misuse with car-pledge and interest-cap cards
    reply = assistant.respond(Session(user="walk48"), text)
    assert passage == reply.hits[0].passage.id and words in assistant.renderer.plain(reply)


def test_borrowers_slang_for_many_loans_overdue_is_about_the_debt(assistant):
    # walk 48: "撸了十几个口子 现在全部yq了" was out of scope to the words, so the classifier's guess asked about self-harm
    reply = assistant.respond(Session(user="slang"), "撸了十几个口子 现在全部yq了 最长的yq90多天")
    assert reply.mode == "answer"


def test_explaining_why_one_did_not_pay_is_not_taken_for_a_correction(assistant):
    # walk 48: "我不是故意不还 是去年失业了" got "（好的，按你更正的情况重新说。）"
    session = Session(user="explain")
    assistant.respond(session, "信用卡逾期了 催收说我恶意透支要坐牢")
    assert assistant.respond(session, "我不是故意不还 是去年失业了").note != "corrected"


def test_money_asked_for_to_drop_a_case_is_named_a_fraud(assistant):
    # walk 48: "王警官说先交5000保证金就可以撤案" got steps to verify a lawyer, and no word that it is a fraud
    session = Session(user="bail")
    assistant.respond(session, "催收说我已经被立案了 给了个170开头的号码 说是王警官")
    reply = assistant.respond(session, "我打过去了 那个王警官说先交5000保证金就可以撤案")
    assert reply.scams and "诈骗" in assistant.renderer.plain(reply)


def test_a_house_in_the_widows_name_is_not_called_safe_from_her_late_husbands_debt(assistant):
    # walk 48: a son whose father died was told the house in his mother's name "不能拿来还你的债" (the passage on
    # moving property after one's own debt), with nothing on a marital home being half the father's estate
    reply = assistant.respond(Session(user="widow"), "我爸上个月走了 留下二十多万网贷 家里就一个老房子在我妈名下")
    assert "不能拿来还你的债" not in assistant.renderer.plain(reply)
    assert "law-civil-538" not in [hit.passage.id for hit in reply.hits[:3]]


@pytest.mark.parametrize("text, passage", [
    ("裸贷的照片已经被发到我们学校表白墙了 怎么办", "guide-nude-photos"),
    ("他们有我的私密视频 说不还就发我男朋友", "guide-nude-photos")])
def test_walk_49_intimate_photo_threats_find_their_passage(assistant, text, passage):
    # walk 49: 表白墙 and 私密视频 got the cards on school counsellors and leaked contacts
    reply = assistant.respond(Session(user="walk49"), text)
    assert passage in [hit.passage.id for hit in reply.hits[:3]]


def test_paying_off_the_loan_is_not_said_to_get_intimate_photos_deleted(assistant):
    # walk 49: "要是我把钱都还了 他会删吗" got "先确认家人有没有签过担保"
    session = Session(user="photos")
    assistant.respond(session, "借钱的时候他们让我拍了裸照 现在说不还就发到班群")
    reply = assistant.respond(session, "要是我把钱都还了 他会删吗")
    assert reply.hits[0].passage.id == "guide-nude-photos" and "不会删" in assistant.renderer.plain(reply)


def test_two_passages_opening_a_step_with_the_same_clause_give_one_bullet(assistant):
    # walk 49: "1. 保存信息被泄露的证据… 3. 保存信息被泄露的证据…" in one list (民法典 第一千零三十八条 and 消费者权益保护法
    # 第二十九条 open a step with the same clause)
    passages = {p.id: p for p in assistant.knowledge.passages}
    steps = Composer._steps([passages["law-civil-1038"], passages["law-consumer-29"]], "zh")
    assert sum(step.startswith("保存信息被泄露的证据") for step in steps) == 1


def test_walk_49_a_cosmetic_surgery_loan_gets_where_to_take_the_harm(assistant):
    # walk 49: "做了个鼻子…说是0利息 结果是贷款 现在鼻子也歪了" got the training-loan passage, nothing on the harm, and
    # the follow-up "机构都倒闭了我还要还钱吗" lost the situation
    session = Session(user="cosmetic")
    first = assistant.respond(session, "在医美机构做了个鼻子 让我办了个分期 说是0利息 结果是贷款 现在鼻子也歪了 机构还跑路了")
    assert first.hits[0].passage.id == "guide-cosmetic-loan" and "卫生健康部门" in assistant.renderer.plain(first)
    then = assistant.respond(session, "机构都倒闭了我还要还钱吗")
    assert then.hits[0].passage.id == "guide-cosmetic-loan"


@pytest.mark.parametrize("text, label", [
    ("敲诈勒索罪怎么规定", "第二百七十四条"), ("非法拘禁罪是哪条", "第二百三十八条"),
    ("侵犯公民个人信息罪", "第二百五十三条之一"), ("寻衅滋事罪怎么规定的", "第二百九十三条"),
    ("传播淫秽物品罪的原文", "第三百六十四条")])
def test_walk_49_a_crime_asked_for_by_name_is_quoted(assistant, text, label):
    # walk 49: "敲诈勒索罪怎么规定" got the articles on payment orders and limitation; 寻衅滋事, 非法拘禁 never their own
    reply = assistant.respond(Session(user="crime"), text)
    plain = assistant.renderer.plain(reply)
    assert reply.mode == "part" and f"《中华人民共和国刑法》{label}" in plain


def test_whether_something_counts_as_a_crime_is_answered_not_quoted(assistant):
    reply = assistant.respond(Session(user="counts"), "催收天天堵我门口骂我 这算不算寻衅滋事")
    assert reply.mode == "answer"


def test_walk_50_a_father_hitting_gets_the_passage_on_violence_at_home(assistant):
    # walk 50: "家里知道了 爸打我" got "没签担保的家人不用还"
    reply = assistant.respond(Session(user="dad-hits"), "家里知道了 爸打我")
    assert reply.hits[0].passage.id == "guide-domestic-violence"


def test_walk_50_a_licensed_lender_after_asking_what_usury_is_is_not_judged_by_four_times_lpr(assistant):
    # walk 50: 分期乐 at 35 % after "多少钱算高利贷" was told to dispute interest over 4 × LPR (高利贷 in the question had
    # set the lender to private)
    session = Session(user="fql")
    assistant.respond(session, "多少钱算高利贷")
    plain = assistant.renderer.plain(assistant.respond(session, "我借的是分期乐 年化35 这算高利贷吗 能不还利息吗"))
    assert "不适用四倍LPR" in plain and "不要自行停还" in plain and "超出四倍LPR的利息书面提出异议" not in plain


@pytest.mark.parametrize("text", ["网贷还不上了 家里人也不管我", "我自己借的 没人冒用我身份"])
def test_walk_50_ones_own_loan_is_not_answered_as_identity_theft(assistant, text):
    # walk 50: both got "书面告诉平台‘非本人借款’", "到派出所报案，说明被冒名借款": a false report
    reply = assistant.respond(Session(user="own"), text)
    assert not {"guide-family-used-id", "guide-identity-theft"} & {hit.passage.id for hit in reply.hits[:3]}
    assert "冒名" not in assistant.renderer.plain(reply)


def test_walk_50_tomorrow_without_come_is_still_asking_to_come_back(assistant):
    reply = assistant.respond(Session(user="tomorrow"), "我明天还能找你吗 你还在吗")
    assert reply.small_talk == "come_back"


@pytest.mark.parametrize("text", ["我说的话会不会被上传到服务器", "你存了我什么", "你们这个是哪个公司做的 有没有营业执照",
                                  "who made this, do you store what i say", "我跟你说的这些你们存不存 会不会卖给催收公司",
                                  "你是不是网贷平台派来套我话的"])
def test_walk_51_questions_about_what_the_bot_keeps_and_who_made_it_are_answered(assistant, text):
    # walk 51: these got a card on credit records, the topic menu, or collection rules
    reply = assistant.respond(Session(user="meta"), text)
    assert (reply.mode, reply.small_talk) == ("small_talk", "bot")


@pytest.mark.parametrize("text", ["他们说是律师事务所的 叫我转五千块到一个卡上就不起诉了", "让我把钱转进这张卡 就撤诉"])
def test_walk_51_money_to_a_card_to_stop_a_lawsuit_gets_the_fraud_warning(assistant, text):
    # walk 51: a grandfather asked to "转五千块到一个卡上就不起诉了" was told to check the law firm, not to hold the money
    reply = assistant.respond(Session(user="card"), text)
    assert any("个人账户" in scam.name for scam in reply.scams)


def test_walk_51_a_minor_who_borrowed_is_told_a_parent_must_approve_the_loan(assistant):
    # walk 51: a 17-year-old got "跟孩子说：这是大人的事", then "先确认家人有没有签过担保"
    reply = assistant.respond(Session(user="minor"), "我17岁 高三 偷偷借了网贷 现在还不上 他们说要告诉我学校")
    assert reply.hits[0].passage.id == "law-civil-145" and "跟孩子说" not in assistant.renderer.plain(reply)


def test_walk_51_paying_the_minimum_then_missing_two_months_is_asked_about_malicious_overdraft(assistant):
    # walk 51: "我一直在还最低还款 只是最近两个月没还上 这算恶意透支吗" got the court-papers card
    reply = assistant.respond(Session(user="overdraft"), "我一直在还最低还款 只是最近两个月没还上 这算恶意透支吗")
    assert reply.hits[0].passage.id == "guide-not-malicious"


def test_walk_52_changing_number_and_moving_away_is_answered(assistant):
    # walk 52: "出去打工 电话换了 他们会不会告我逃债" got the steps for telling the family
    reply = assistant.respond(Session(user="away"), "出去打工 电话换了 他们会不会告我逃债")
    assert reply.hits[0].passage.id == "guide-change-number"
    plain = assistant.renderer.plain(reply)
    assert "不违法" in plain and "起诉" in plain


def test_walk_52_how_to_check_a_case_is_real_is_not_a_lawyer_check(assistant):
    # walk 52: "怎么查是不是真的立案" after a fake court text got "查律师事务所和律师姓名是否真实"
    assert _after(assistant, "收到短信说我已经被立案了 明天法院就来强制执行",
                  "怎么查是不是真的立案").hits[0].passage.id == "guide-fake-legal-threats"
    alone = assistant.respond(Session(user="case-alone"), "怎么查是不是真的立案")
    assert alone.hits[0].passage.id == "guide-fake-legal-threats" and "12368" in assistant.renderer.plain(alone)


def test_walk_53_a_collector_pushing_a_new_loan_is_told_not_to_borrow(assistant):
    # walk 53: "让我去另一个app借钱先还他们" got the contact-book card, "我要不要借啊" "合法借到的钱要还"
    session = Session(user="push")
    first = assistant.respond(session, "催收说今天必须还清 不然明天就爆通讯录 还给我发了个链接让我去另一个app借钱先还他们")
    again = assistant.respond(session, "我要不要借啊 不借他们真的会爆")
    for reply in (first, again):
        assert reply.hits[0].passage.id == "guide-pushed-to-borrow" and "不借" in assistant.renderer.plain(reply)
    assert assistant.respond(Session(user="rent"), "我要不要借网贷交房租").hits[0].passage.id != "guide-pushed-to-borrow"


def _after(assistant, *messages: str):
    """The reply to the last of `messages`, said after the others in one conversation."""
    session = Session(user=messages[0])
    for text in messages[:-1]:
        assistant.respond(session, text)
    return assistant.respond(session, messages[-1])


def test_walk_53_the_law_on_collectors_is_not_read_as_the_debt_gone(assistant):
    # walk 53: "那这条是说我可以不还吗" after the contact-book law never heard "不是，欠款还在"
    reply = _after(assistant, "催收把我通讯录爆了", "那这条是说我可以不还吗")
    assert reply.hits[0].passage.id == "guide-still-owed" and "不是" in assistant.renderer.plain(reply)


def test_walk_53_never_paying_for_years_is_a_question_about_the_limitation_period(assistant):
    # walk 53: "我要是一直不还 几年以后就不用还了吗" got "你有没有想过伤害自己？"
    reply = assistant.respond(Session(user="years"), "我要是一直不还 几年以后就不用还了吗")
    assert reply.mode == "answer" and reply.hits[0].passage.id == "guide-old-debt"
    assert assistant.respond(Session(user="gone"), "要是我不在了 这些债是不是就不用还了").mode != "answer"


def test_walk_52_the_law_asked_for_by_pointing_back_gives_the_last_answers_law(assistant):
    # walk 52: "你说的那条法律 原文是什么" got more steps, "你刚才说侵犯隐私 是哪部法律第几条" too
    for question in ("你说的那条法律 原文是什么 给我一字不差的原文", "你刚才说侵犯隐私 是哪部法律第几条"):
        session = Session(user="pointing")
        assistant.respond(session, "催收把我欠钱的事发到我家族群里了")
        reply = assistant.respond(session, question)
        assert reply.mode == "part" and "法律依据" in assistant.renderer.plain(reply), question


def test_walk_53_a_guarantor_is_not_later_given_the_steps_for_family_who_signed_nothing(assistant):
    # walks 52 and 53: "那我必须还吗" after "我做了担保" got "没签字没担保的家人：不转账，告诉催收'我没有义务'"
    reply = _after(assistant, "我侄子借钱我做了担保 现在他不还了", "那我必须还吗")
    assert "guide-family-liability" not in [hit.passage.id for hit in reply.hits]
    assert "我没有义务" not in assistant.renderer.plain(reply)


def test_walk_53_a_mother_facing_a_home_visit_is_told_what_to_do_at_the_door(assistant):
    # the five-turn talk at the last stop: "那我妈该怎么办" after "他们真的会来吗" got the card on insults
    reply = _after(assistant, "催收说明天要上门找我妈", "他们真的会来吗", "那我妈该怎么办")
    assert reply.hits[0].passage.id == "guide-family-at-door" and "不开门" in assistant.renderer.plain(reply)
    # calls to the mother are not a visit: her question there is not answered with the door
    other = _after(assistant, "催收天天打电话给我妈 骂她", "那我妈该怎么办")
    assert "guide-family-at-door" not in [hit.passage.id for hit in other.hits]


def test_a_mothers_fear_at_home_is_hers_not_the_writers(assistant):
    # the five-turn talk at the last stop: "我妈一个人在家 她很怕" after a threatened visit got the coping card for the
    # writer ("晚上开勿扰 只放行家人")
    reply = _after(assistant, "催收说明天要上门找我爸妈", "我妈一个人在家 她很怕")
    plain = assistant.renderer.plain(reply)
    assert reply.hits[0].passage.id == "guide-family-at-door" and "开门" in plain
    assert "勿扰" not in plain and "压力很大" not in plain
    english = _after(assistant, "collectors said they will come to my parents house tomorrow",
                     "my mum is home alone and she is scared")
    assert english.hits[0].passage.id == "guide-family-at-door"
    # the writer's own fear is still theirs
    assert assistant.triage("催收打给我妈 我好怕").risk.distress
    assert not assistant.triage("我妈一个人在家 她很怕").risk.distress


def test_walk_54_a_payment_order_still_within_its_15_days_is_not_read_as_missed(assistant):
    # walk 54: "让我15天内还清" got "过了期再交异议，一般不再起作用"
    reply = assistant.respond(Session(user="order"), "收到法院的支付令 说我欠某消费金融3万2 让我15天内还清")
    plain = assistant.renderer.plain(reply)
    assert reply.hits[0].passage.id == "guide-payment-order" and "一般不再起作用" not in plain and "异议" in plain
    late = assistant.respond(Session(user="order-late"), "支付令收到20多天了 一直没管")
    assert late.hits[0].passage.id == "guide-payment-order-missed"


@pytest.mark.parametrize("text", ["催收打电话说我这个属于恶意拖欠 已经违法了 这违法还是不违法 你就告诉我是或者不是",
                                  "They say I'm breaking the law by not paying. Is that true? yes or no"])
def test_walk_54_already_breaking_the_law_is_answered_no(assistant, text):
    # walk 54: asked twice for a yes or no, the person got steps on family and a card on call frequency
    reply = assistant.respond(Session(user="crime"), text)
    assert reply.hits[0].passage.id == "guide-not-paying-crime"
    assert assistant.renderer.plain(reply).split("\n")[1].startswith(("不是犯罪", "No, it's not a crime"))


@pytest.mark.parametrize("first, then", [("催收一天打我几十个电话", "把法律条文发给我看看"),
                                         ("collectors call me 30 times a day",
                                          "What law says they can't do that? Please quote it.")])
def test_walk_54_the_law_asked_for_in_words_is_quoted(assistant, first, then):
    # walk 54: only "1" brought the law; asked in words, the person got more steps
    reply = _after(assistant, first, then)
    assert reply.mode == "part" and "「" in assistant.renderer.plain(reply)


def test_walk_54_a_guarantor_first_asked_years_after_the_due_date_is_told_they_are_likely_released(assistant):
    # walk 54: the facts that settle it were given; the reply turned to the limitation period
    reply = _after(assistant, "我给表哥做了担保 他跑了", "担保期间是多久啊 过了是不是就不用还了",
                   "他的贷款是2021年到期的 银行今年才第一次找我")
    assert reply.hits[0].passage.id == "guide-guarantee-lapsed" and "很可能已不再承担" in assistant.renderer.plain(reply)
    borrower = assistant.respond(Session(user="borrower54"), "我的网贷2021年到期的 平台今年才第一次找我")
    assert borrower.hits[0].passage.id != "guide-guarantee-lapsed"


@pytest.mark.parametrize("text", ["收到短信 人民法院在线服务 说有个调解案件 让我在小程序里确认 是真的吗",
                                  "接到电话说是法院诉前调解中心的 说我欠的网贷要调解"])
def test_walk_54_pre_suit_mediation_is_explained(assistant, text):
    # walk 54: the SMS got arbitration steps, the call a lawyer check; nobody heard what 诉前调解 is
    reply = assistant.respond(Session(user="mediation"), text)
    assert reply.hits[0].passage.id == "guide-pre-suit-mediation" and "可以拒绝" in assistant.renderer.plain(reply)


def test_walk_54_whether_to_leave_the_group_is_answered_keep_proof_first(assistant):
    # walk 54: "我要不要退群" after a wanted poster in the group got the card on frauds
    reply = _after(assistant, "催收把我的照片做成通缉令发到我们小区业主群里了", "我要不要退群")
    assert reply.hits[0].passage.id == "guide-group-post" and "先别急着退群" in assistant.renderer.plain(reply)


def test_walk_54_practical_questions_after_a_hospital_stay_are_answered(assistant):
    # walk 54: a deferral for illness got "说明失业", leave at work the card on collectors calling the employer
    reply = _after(assistant, "我上周吞药了 抢救过来 今天刚出院", "能不能跟平台申请因病延期 要什么材料")
    assert reply.hits[0].passage.id == "guide-illness-hardship" and "出院小结" in assistant.renderer.plain(reply)


def test_walk_54_a_caller_claiming_to_be_police_is_not_called_back(assistant):
    # walk 54: "我要不要回拨过去" got the card on collectors at the door
    reply = _after(assistant, "有个自称派出所的人打电话说我网贷涉嫌诈骗", "我要不要回拨过去")
    assert reply.hits[0].passage.id == "guide-caller-claims-police" and "别回拨" in assistant.renderer.plain(reply)
    asked = assistant.respond(Session(user="parents"), "催收能不能打我爸妈电话")
    assert asked.hits[0].passage.id == "guide-third-party-contact"


def test_walk_54_can_i_ever_get_out_is_answered_honestly_and_not_with_a_credit_card_line(assistant):
    # walk 54: "还能上岸吗" from someone owing 23 apps got "打发卡银行官方客服", and no word that people do get out
    reply = assistant.respond(Session(user="shore"), "欠了23个口子 一共17万 月薪6千 每个月光还款就要1万2 还能上岸吗")
    plain = assistant.renderer.plain(reply)
    assert reply.hits[0].passage.id == "guide-getting-out" and "很多人用几年时间上岸了" in plain
    assert "发卡银行" not in plain


def test_walk_54_a_widows_teenage_son_is_an_heir_not_a_minor_who_borrowed(assistant):
    # walk 54: "我老公上个月车祸走了" was not read as a death; the son of 15 got the card on minors' loans
    session = Session(user="widow54")
    first = assistant.respond(session, "我老公上个月车祸走了 催收打给我要我还他的网贷")
    assert "bereaved" in session.dialogue.facts and first.condolence
    reply = assistant.respond(session, "他们还说要起诉我和我儿子 我儿子才15岁")
    assert "law-civil-145" not in [hit.passage.id for hit in reply.hits]


@pytest.mark.parametrize("messages", [
    ("女儿大二 瞒着我们借了网贷 催收打到我单位了", "我们不是担保人 但是孩子还在读书没钱还"),
    ("我不是担保人 就是紧急联系人 他们天天打我电话让我还钱",),
    ("我没有做担保 也没签任何东西 催收说我是担保人要我还钱",)])
def test_walk_55_someone_who_is_not_a_guarantor_is_not_answered_as_one(assistant, messages):
    # walk 55: "我不是担保人" got the guarantor card ("替人还款后保留凭证，向借款人追偿"), once opened with
    # "（好的，按你更正的情况重新说。）"
    reply = _after(assistant, *messages)
    plain = assistant.renderer.plain(reply)
    assert "guide-guarantor" not in [hit.passage.id for hit in reply.hits[:3]]
    assert "追偿" not in plain and "更正" not in plain and "没有还款义务" in plain
    session = Session(user="guarantor")
    assistant.respond(session, messages[-1])
    assert "guarantor" not in session.dialogue.facts


def test_walk_55_paying_part_under_a_court_freeze_is_a_settlement_through_the_court(assistant):
    # walk 55: "我能不能先还一部分让他们解冻" after a real court freeze got "不再转任何钱，卸载那个App"
    reply = _after(assistant, "支付宝和微信都被冻结了 说是法院执行 我欠了网贷", "怎么解冻", "我能不能先还一部分让他们解冻")
    plain = assistant.renderer.plain(reply)
    assert reply.hits[0].passage.id == "guide-enforcement-pay-part"
    assert "执行和解" in plain and "卸载" not in plain


def test_walk_55_a_wife_asking_how_to_prove_is_told_the_creditor_proves_and_not_to_negotiate(assistant):
    # walk 55: "我该怎么证明" (his loans went on game top-ups) got "和平台协商减免、分期" — what could make it joint
    reply = _after(assistant, "老公背着我借了好多网贷 现在催收打我电话 说夫妻共同债务我也要还",
                   "钱他都拿去打游戏充值了 家里一分没见到", "我该怎么证明")
    plain = assistant.renderer.plain(reply)
    assert reply.hits[0].passage.id == "guide-spouse-debt-proof" and "债权人证明" in plain
    assert "协商减免" not in plain


@pytest.mark.parametrize("messages, passage, said, not_said", [
    # walk 55: "没有开过庭能直接强制执行吗" after a lawyer's letter got arbitration steps
    (("收到一个律师函 说我欠某某小贷1万2 三天内不还就申请强制执行", "没有开过庭能直接强制执行吗"),
     "guide-enforcement-needs-ruling", "判决", ""),
    # "失信了我孩子是不是不能上学了" got the card on collectors threatening a child at school
    (("法院把我列入失信了", "失信了我孩子是不是不能上学了"), "guide-dishonest-list", "私立", "班主任"),
    # a card called malicious overdraft, then "那我现在该怎么做": its steps again, not enforcement or arbitration
    (("信用卡欠了8万 逾期半年了 银行说我恶意透支 要移交公安", "这样会坐牢吗", "那我现在该怎么做"),
     "guide-overdraft-police", "银行", "仲裁"),
    # "法院可以扣这么多吗" after wages withheld got steps on penalty interest, "扣一半那我怎么活" on losing a job
    (("公司财务说收到法院通知 要每个月扣我一半工资还网贷", "扣一半那我怎么活 房贷还要还", "法院可以扣这么多吗"),
     "", "生活必需", "失业"),
    # "怎么办啊 我好怕" after money sent to a fake police officer's "safe account": the fraud's urgent steps again
    (("有个电话说是公安局的 说我网贷涉嫌诈骗 要我把钱转到安全账户配合调查", "我已经转了5000了", "怎么办啊 我好怕"),
     "guide-scam-paid", "止付", "协商"),
    # "有没有出路" after a check-in: a way out, not the crisis reply or a home visit's steps
    (("以贷养贷两年了 现在十几个平台 每个月要还两万 工资才六千", "我已经撑不住了 每天都在借新还旧",
      "我到底该怎么办 有没有出路"), "guide-getting-out", "以贷养贷", "开门"),
    # a Taiwanese borrower asks whether going home is affected
    (("我在廣州工作 借唄逾期了 催收說要告我詐騙", "我是台灣人 會影響我回台灣嗎"), "guide-exit-ban", "", "")])
def test_walk_55_follow_ups_keep_to_the_situation(assistant, messages, passage, said, not_said):
    reply = _after(assistant, *messages)
    plain = assistant.renderer.plain(reply)
    assert reply.mode == "answer"
    if passage:
        assert passage in [hit.passage.id for hit in reply.hits[:2]], [hit.passage.id for hit in reply.hits[:3]]
    assert said in plain and (not not_said or not_said not in plain), plain


def test_walk_55_a_fake_police_scam_in_english_is_not_told_to_ask_for_transfer_papers(assistant):
    reply = _after(assistant, "a guy called saying he is from the police in shenzhen, said my loan is now a fraud case "
                   "and i need to pay to a safe account to close it", "is this legal? should i pay")
    assert "transfer agreement" not in assistant.renderer.plain(reply)
    bye = _after(assistant, "a guy called saying he is from the police and i need to pay to a safe account",
                 "ok i wont. bye")
    assert bye.mode == "small_talk"


def test_walk_55_the_rate_asked_again_names_the_24_percent_line(assistant):
    # walk 55: a licensed lender's 30 % was "在36%参考线以内" when asked again, beside "超过24%的部分可以调减"
    plain = assistant.renderer.plain(_after(assistant, "消费金融借了10000 到手10000 一年还13000", "那年化是多少"))
    assert "超过24%" in plain and "36%参考线以内" not in plain


def test_walk_55_a_letter_and_years_are_not_loan_figures():
    # "收到一个律师函" read as 1 yuan received, "以贷养贷两年了" as a 2-yuan loan: the rate calculator asked for more
    assert read_figures("收到一个律师函 说我欠某某小贷1万2 三天内不还就申请强制执行") == {"contract": 12000.0}
    assert "contract" not in read_figures("以贷养贷两年了 现在十几个平台 每个月要还两万")


def test_walk_55_a_teenager_afraid_of_their_parents_is_not_answered_with_a_collectors_visit(assistant):
    # walk 55: "我不敢告诉我爸妈", then "他们会打死我的", got the steps for a collector at the door
    messages = ("我16岁 在网上借了两千 现在利滚利要还六千 他们说要告诉我学校", "我不敢告诉我爸妈")
    afraid = _after(assistant, *messages)
    assert afraid.hits[0].passage.id == "guide-minor-afraid-of-parents" and "12355" in assistant.renderer.plain(afraid)
    plain = assistant.renderer.plain(_after(assistant, *messages, "他们会打死我的"))
    assert "12355" in plain and "开门" not in plain
    # a collector's threat is still a threat
    threat = _after(assistant, "我不敢告诉我爸妈", "催收说他们会打死我")
    assert "110" in assistant.renderer.plain(threat)


def test_walk_55_paying_on_payday_is_not_a_court_taking_wages(assistant):
    # walk 55: "就五天而已 我下周发工资就还" got the steps for wages withheld by a court
    reply = _after(assistant, "花呗借呗逾期了五天 会不会上征信", "就五天而已 我下周发工资就还")
    assert "执行" not in assistant.renderer.plain(reply)


def test_walk_55_the_family_of_someone_at_risk_asking_what_to_do_is_told_how_to_help(assistant):
    # walk 55: "我妈能做什么" after a brother who "老说活着没意思" got the card on whether the family must pay
    reply = _after(assistant, "我弟欠了网贷 最近老说活着没意思", "他是成年人 债是他自己的 我们家里要帮他还吗", "我妈能做什么")
    plain = assistant.renderer.plain(reply)
    assert reply.hits[0].passage.id == "guide-helping-family-at-risk" and "直接问" in plain
    assert "协商减免" not in plain


def test_walk_55_a_court_text_is_checked_with_the_court_not_an_arbitration_commission(assistant):
    # walk 55: "被xx消费金融起诉了 下周三开庭 让我点链接查看" got "查合同有没有仲裁条款，是哪家仲裁委"
    reply = assistant.respond(Session(user="court"), "收到一条短信说我被xx消费金融起诉了 下周三开庭 让我点链接查看 是真的吗")
    plain = assistant.renderer.plain(reply)
    assert "12368" in plain and "仲裁委" not in plain
    arbitration = assistant.respond(Session(user="arb"), "收到短信说仲裁委已受理 让我加专员微信")
    assert "仲裁委" in assistant.renderer.plain(arbitration)


def test_walk_56_a_fee_asked_before_a_loan_pays_out_is_a_scam_whichever_order_it_is_told_in(assistant):
    # walk 56: "能帮我下款5万…但是要先交2000保证金" (the money after the loan) and "还差1200才能放款" were answered as a
    # real loan's costs for four turns
    for text in ("有人说能给我放款三万把网贷全还了 不过要先交1500押金", "我都转了600了 对方说还差900就能到账"):
        reply = assistant.respond(Session(user=text), text)
        plain = assistant.renderer.plain(reply)
        assert "放款前先交" in plain and "96110" in plain and "110" in plain


def test_walk_56_a_court_freeze_the_bank_confirmed_is_not_called_a_fake(assistant):
    # walk 56: "打了银行客服 说是XX区法院冻结的" got the fake-court warning and "催收公司…无权冻结"
    reply = _after(assistant, "我的工资卡被冻结了", "问了柜台 说是市中级法院冻结的")
    plain = assistant.renderer.plain(reply)
    assert "假法院" not in plain and "无权冻结" not in plain and "执行法官" in plain
    # a collector naming a court to frighten is still told who can freeze an account
    threat = assistant.renderer.plain(assistant.respond(Session(user="t"), "催收说是法院要冻结我的卡"))
    assert "无权冻结" in threat


def test_walk_56_asking_for_the_law_with_a_full_width_question_mark_brings_the_articles(assistant):
    # walk 56: "哪条法律规定的？原文是什么？" never brought the law; as a first message it got an unrelated card
    reply = _after(assistant, "催收把我欠钱的事发到家族群里了", "依据哪条法律？原文是什么？")
    assert reply.mode == "part" and "《" in assistant.renderer.plain(reply)
    direct = _after(assistant, "催收把我欠钱的事发到家族群里了", "你直接给我法条原文 我要转给他们")
    assert direct.mode == "part"
    first = assistant.respond(Session(user="law first"), "哪条法律规定的？原文是什么？")
    assert first.mode == "clarify" and "哪件事" in assistant.renderer.plain(first)


def test_walk_56_asking_which_number_to_call_gives_the_topics_line_again(assistant):
    # walk 56: 12378 shown once, then "打哪个电话" got the local regulator for microloan companies
    session = Session(user="number")
    assistant.respond(session, "外地的网贷催收天天打给我公司领导")
    reply = assistant.respond(session, "我要投诉这家平台 打哪个电话")
    assert "12378" in assistant.renderer.plain(reply)
    english = Session(user="number en")
    assistant.respond(english, "a loan app keeps phoning my manager at work")
    assert "12378" in assistant.renderer.plain(assistant.respond(english, "which number should i call to complain"))


def test_walk_56_a_bank_outsourcing_collection_is_not_called_unlawful_in_itself(assistant):
    # walk 56: "银行把我的信息给外包公司 这合法吗" got "提供给他人，一般是违法的"; entrusting collection is usually
    # lawful, telling one's employer is not
    reply = assistant.respond(Session(user="outsourced"), "信用卡逾期 银行把我的资料交给外包催收公司了 合法吗")
    plain = assistant.renderer.plain(reply)
    assert reply.hits[0].passage.id == "guide-outsourced-collection"
    assert "一般是允许的" in plain and "单位" in plain


def test_walk_56_how_to_object_after_a_payment_order_is_about_the_payment_order(assistant):
    # walk 56: "异议要怎么写 去哪交" after a 支付令 got "在答辩中提出异议", the words for a lawsuit
    reply = _after(assistant, "今天收到法院的支付令 说我欠一家消费金融两万多", "那异议怎么写 交到哪里")
    assert reply.hits[0].passage.id == "guide-payment-order" and "支付令" in assistant.renderer.plain(reply)


def test_walk_56_whether_a_lawyers_letter_binds_is_answered_plainly(assistant):
    # walk 56: "律师函有法律效力吗" got the steps to check a lawyer, never whether the letter itself has force
    plain = assistant.renderer.plain(assistant.respond(Session(user="letter"), "催收发的律师函有没有法律效力"))
    assert "没有法律强制力" in plain and "不等于已经起诉" in plain


def test_walk_56_money_borrowed_from_someone_from_home_is_a_private_loan(assistant):
    # walk 56: a loan "找老乡借的" got both the licensed and the private readings
    plain = assistant.renderer.plain(assistant.respond(Session(user="laoxiang"), "找老乡借了五万 年息30% 合法吗"))
    assert "四倍" in plain and "持牌机构" not in plain


def test_walk_58_a_collectors_go_die_asked_about_as_a_crime_gets_the_threats_answer(assistant):
    # walk 57: "还不起钱就去死吧 这个违法吗" got the card on calls to family
    reply = assistant.respond(Session(user="die"), "催收在电话里跟我说 还不起钱就去死吧 这个违法吗")
    assert "guide-threats" in [hit.passage.id for hit in reply.hits[:2]]


def test_walk_58_a_teenager_afraid_of_her_father_hears_about_him_not_a_collectors_visit(assistant):
    session = Session(user="teen")
    assistant.respond(session, "我16岁 读高一 住校 同学介绍我在一个校园贷app上借了2000块")
    reply = assistant.respond(session, "我爸知道会打死我的 我真的很怕")
    assert reply.hits[0].passage.id == "guide-minor-afraid-of-parents"


def test_walk_58_a_death_told_alone_gets_sympathy_not_goodbye(assistant):
    reply = assistant.respond(Session(user="widower"), "老伴走了")
    assert reply.mode != "small_talk" and reply.condolence


def test_walk_58_calls_to_a_phone_are_not_beatings(assistant):
    reply = assistant.respond(Session(user="cousin"), "是我表弟借的 他跑了 现在天天打我电话")
    assert "guide-domestic-violence" not in [hit.passage.id for hit in reply.hits]


def test_walk_58_a_loan_from_a_person_is_not_sent_to_12378(assistant):
    session = Session(user="laoxiang")
    assistant.respond(session, "我找老乡借了3万，不是平台，就是个人借的，写了借条")
    reply = assistant.respond(session, "那我该打哪个电话投诉？12378管不管这种？")
    assert reply.hits[0].passage.id == "guide-private-lender-complaint"
    assert "12378" not in [channel.contact for channel in reply.channels]
    licensed = assistant.respond(Session(user="card"), "信用卡催收骂人 打12378有用吗")
    assert "12378" in [channel.contact for channel in licensed.channels]


@pytest.mark.parametrize("first, ask", [
    ('催收员今天在电话里跟我说"还不起就去死吧" 这算不算犯罪？', "具体是哪条法律？把原文发我"),
    ("my collector sent photoshopped pictures of me to my coworkers", "What law says that? Can you quote it?")])
def test_walk_58_the_law_asked_for_in_own_words_is_quoted(assistant, first, ask):
    session = Session(user="law")
    assistant.respond(session, first)
    assert assistant.respond(session, ask).part == "law"


def test_walk_58_how_to_write_the_objection_after_a_payment_order_is_answered(assistant):
    session = Session(user="order")
    assistant.respond(session, "我收到法院的支付令了 已经打12368核实过是真的")
    reply = assistant.respond(session, "那我写异议书要写什么？")
    assert reply.mode == "answer" and reply.hits[0].passage.id == "guide-payment-order"


def test_walk_58_someone_who_never_signed_is_not_told_to_find_the_guarantee(assistant):
    reply = assistant.respond(Session(user="g"), "他们说我是担保人 叫我还钱 我没签过字")
    assert "找出担保合同" not in assistant.renderer.plain(reply)


def test_walk_58_asking_for_plainer_words_first_is_answered_not_refused(assistant):
    reply = assistant.respond(Session(user="eyes"), "字太小看不清 能不能说简单点")
    assert reply.mode == "small_talk" and reply.small_talk == "brief"


def test_walk_58_what_to_tell_the_neighbours_gets_words_to_say(assistant):
    reply = assistant.respond(Session(user="nb"), "邻居今天在楼道里问我是不是欠了高利贷，我该怎么跟邻居说？")
    assert reply.hits[0].passage.id == "guide-tell-neighbours"


@pytest.mark.parametrize("first, local", [
    ("信用卡逾期了，催收一天打二十个电话，这样合法吗", False), ("网贷逾期了，催收一天打二十个电话，这样合法吗", True)])
def test_the_local_regulator_is_not_given_for_a_credit_card(assistant, first, local):
    # walk 59: a credit card's harassment was sent to the local financial regulator, which takes only microloan and
    # guarantee companies
    session = Session(user="bank")
    assistant.respond(session, first)
    channels = assistant.respond(session, "求助渠道")
    assert channels.mode == "part" and ("local_financial" in [c.key for c in channels.channels]) is local
    assert "nfra_12378" in [c.key for c in channels.channels]


def test_a_guarantor_is_told_when_the_lender_may_come_to_them_first(assistant):
    # walk 59: "the lender must pursue the borrower first" left out the exceptions of Civil Code article 687
    reply = assistant.respond(Session(user="g"), "我给朋友做了担保，现在他人跑了联系不上，催收直接找我还钱，我要还吗")
    assert "下落不明" in assistant.renderer.plain(reply)


@pytest.mark.parametrize("first, ask", [
    ("催收天天打给我爸妈", "这是违反哪条法律"), ("催收天天打给我爸妈", "给我法条和条号"),
    ("催收天天打畀我阿妈", "俾条文我睇"), ("collectors keep calling my parents", "what's the article number")])
def test_asking_for_the_article_opens_the_law(assistant, first, ask):
    # walk 59: these got more steps instead of the law quoted with its article
    session = Session(user="law")
    assistant.respond(session, first)
    reply = assistant.respond(session, ask)
    assert reply.mode == "part" and reply.part == "law" and reply.rights


def test_a_summons_with_loan_figures_is_answered_about_the_court_first(assistant):
    # walk 59: "收到法院传票了…借了2万，到手只有1万6" was asked how much is to be repaid, about the rate
    session = Session(user="court")
    reply = assistant.respond(session, "收到法院传票了，下周开庭，当初借了2万，到手只有1万6")
    assert not reply.loan_ask and session.dialogue.topics[0] == "lawsuit_enforcement"
    # without a court case the missing figure is still asked for
    assert assistant.respond(Session(user="loan"), "当初借了2万，到手只有1万6").loan_ask


def test_a_loan_taken_in_your_name_stays_not_yours_over_the_conversation(assistant):
    # walk 60: "我没借过啊 钱也不是我用的" got "先停止以贷养贷…逐家协商还款", and "要报警吗 他是我亲弟" the police card
    session = Session(user="id")
    first = assistant.respond(session, "我身份证被我亲弟弟拿去借了网贷 我完全不知道 今天催收打电话给我才知道 说我在什么360借条欠了两万多")
    assert "不是你欠的" in assistant.renderer.plain(first)
    second = assistant.renderer.plain(assistant.respond(session, "我没借过啊 钱也不是我用的"))
    assert "以贷养贷" not in second and "协商还款" not in second
    third = assistant.renderer.plain(assistant.respond(session, "要报警吗 他是我亲弟"))
    assert "报不报警由你决定" in third


@pytest.mark.parametrize("text, lent", [
    ("朋友借我身份证去贷款，说他自己还，现在逾期了催我", True),
    ("I lent my ID card to my brother so he could take out a loan, now collectors call me", True),
    ("我把身份证借给表哥办卡，结果他用我的名义借了网贷不还，现在催收找我，我要还吗", False),
    ("儿子偷偷用我身份证借了网贷 报警的话他会坐牢吗", False)])
def test_an_id_lent_to_borrow_is_not_told_it_is_identity_theft(assistant, text, lent):
    # walk 59: an ID lent so a friend could borrow ("说他自己还") was told "冒名借的钱…不是你欠的"
    plain = assistant.renderer.plain(assistant.respond(Session(user="lent"), text))
    assert (("知不知情" in plain) or ("what you knew" in plain)) is lent


def test_a_number_in_a_summons_text_is_not_to_be_called(assistant):
    # walk 60: "短信里还有个电话 让我打过去" after a fake court text got the steps for a leaked address book
    session = Session(user="sms")
    assistant.respond(session, "刚收到短信说我涉嫌恶意透支 已经被xx区人民法院立案 让我48小时内联系处理 不然就上门拘传 我好怕")
    plain = assistant.renderer.plain(assistant.respond(session, "短信里还有个电话 让我打过去"))
    assert "不打信息里的电话" in plain and "12368" in plain


def test_collectors_calling_a_foreigners_boss_about_a_card_are_answered_as_calls_to_work(assistant):
    # walk 60: answered three times with the paragraph on lawsuits and payment orders
    reply = assistant.respond(Session(user="en"), "Hi, I'm a foreigner working in Shanghai. I have a credit card from a "
                              "Chinese bank and I missed payments. The collectors keep calling my boss and my Chinese "
                              "colleagues. Is this legal?")
    plain = assistant.renderer.plain(reply)
    assert reply.language == "en" and "HR" in plain and "12378" in plain and "lawsuit" not in plain.lower()


def test_years_of_borrowing_from_one_app_to_pay_another_is_not_an_old_debt(assistant):
    # walk 60: "三年前开始借…在别的app借来还…现在有三个已经逾期了" got the time limit on old debts ("先别承认欠款")
    session = Session(user="rider")
    plain = assistant.renderer.plain(assistant.respond(session, (
        "兄弟我送外卖的 三年前开始借 一开始就借了五千买电动车 后来还不上就在别的app借来还 现在十几个平台 总共欠了十二万左右 "
        "每个月光还款就八九千 我一个月跑单也就七八千 天天拆东墙补西墙 现在有三个已经逾期了 电话一天几十个")))
    assert "时效" not in plain and "以贷养贷" in plain


@pytest.mark.parametrize("first, ask, lead", [
    ("我信用卡逾期了三个月，现在催收天天往我单位打电话", "那我该打哪个电话投诉", "先打这个："),
    ("collectors keep calling my boss about my credit card", "Which number should I call?", "Call this first:")])
def test_which_number_to_call_is_answered_with_the_number_first(assistant, first, ask, lead):
    # walk 60: "我该打哪个电话" got more steps, the number only at the foot
    session = Session(user="number")
    assistant.respond(session, first)
    reply = assistant.respond(session, ask)
    plain = assistant.renderer.plain(reply)
    assert plain.startswith(lead) and "求助：" not in plain and "Help:" not in plain  # not said twice


def test_an_online_loan_said_in_plain_words_is_not_called_a_fraud(assistant):
    # walk 60: an older man who "字认不全" said "是借的网上的" and was told his loan looks like a fraud, then "三千块" was
    # told to call 110 about a transfer he never made
    session = Session(user="old")
    assistant.respond(session, "我字认不全 孙子帮我打的 我欠了钱 有人天天打电话骂我")
    for text in ("是借的网上的", "三千块"):
        plain = assistant.renderer.plain(assistant.respond(session, text))
        assert "诈骗" not in plain and "已经转账的" not in plain, text


def test_collectors_pressing_a_mother_are_not_answered_about_lawsuits(assistant):
    # the five-turn console talk of 2026-12-03: opened on lawsuits, as the new passage for an ID lent, whose asks
    # spoke of collectors calling, came first and voted for its topic though the message does not name its situation
    session = Session(user="mum")
    plain = assistant.renderer.plain(assistant.respond(session, "我在两个网贷平台借了钱 现在逾期了 催收天天打给我妈 说不还就去我老家闹"))
    assert session.dialogue.topics[0] != "lawsuit_enforcement" and "家人" in plain and "12368" not in plain


@pytest.mark.parametrize("text", ["问个私人借咗两万蚊 佢话听日带人上门搞我 仲话要斩我手指 我好惊",
                                  "问朋友介绍的私人老板借了2万 月息15% 现在说不还就上门砍我",
                                  "the loan shark says he will break my legs if i dont pay by friday"])
def test_a_threat_to_cut_or_break_bones_is_answered_as_a_threat_to_safety_first(assistant, text):
    reply = assistant.reply(text)
    assert reply.mode == "answer" and reply.hits[0].passage.id == "guide-violent-threat", text
    assert "110" in assistant.renderer.plain(reply) and "文明上门" not in assistant.renderer.plain(reply)


def test_an_advance_fee_is_not_read_as_a_threat_to_cut(assistant):
    reply = assistant.reply("催收说要砍头息是合法的吗 借5000到手4000")
    assert reply.hits[0].passage.id != "guide-violent-threat"


def test_personal_bankruptcy_is_answered_not_refused_walk_61(assistant):
    reply = assistant.reply("我能不能申请个人破产啊 听说深圳有")
    plain = assistant.renderer.plain(reply)
    assert reply.mode == "answer" and reply.hits[0].passage.id == "guide-personal-bankruptcy"
    assert "深圳" in plain and "2021年3月1日" in plain and "社保满三年" in plain


def test_a_seven_day_loan_is_read_as_an_unlicensed_lender_and_not_sent_to_12378(assistant):
    session = Session(user="714")
    reply = assistant.respond(session, "在一个叫什么速借的app借了3000 到手只有1800 7天要还3000 现在天天打电话给我通讯录")
    assert session.dialogue.lender == "private" and "12378" not in assistant.renderer.plain(reply)


def test_the_two_moments_for_repaying_a_malicious_overdraft_are_named_not_a_banks_lawsuit(assistant):
    plain = assistant.renderer.plain(assistant.reply("银行说再不还就移交公安 说我恶意透支 我会被抓吗"))
    assert "提起公诉前" in plain and "一审判决前" in plain and "被起诉前" not in plain


def test_can_they_really_arrest_me_in_english_is_answered_no_walk_61(assistant):
    replies = [assistant.respond(session, text) for session in [Session(user="arrest-en")] for text in (
        "They said they will send people to my home tomorrow to arrest me. I borrowed from some app",
        "Can they really arrest me?")]
    assert replies[1].hits[0].passage.id == "guide-cannot-arrest"


def test_which_principal_after_the_rate_is_answered_with_the_money_received_walk_61(assistant):
    session = Session(user="principal")
    assistant.respond(session, "借3000到手1800 7天还3000 年化多少")
    plain = assistant.renderer.plain(assistant.respond(session, "那本金我要还多少 是3000还是1800"))
    assert "本金按实际到手的 1,800 元算" in plain


def test_asking_to_write_something_so_they_contact_only_me_opens_the_letter_walk_61(assistant):
    turn = assistant.respond(Session(user="letter61"), "我想写个东西让他们只联系我本人")
    assert not hasattr(turn, "mode") and "letter" in str(turn.pages[0].values)


def test_a_dead_fathers_loans_are_answered_with_the_estate_rule_walk_62(assistant):
    reply = assistant.reply("我爸上个月走了 现在有催收打电话给我 说我爸生前借了网贷 要我还")
    plain = assistant.renderer.plain(reply)
    assert reply.hits[0].passage.id == "guide-deceased-debt" and "只用他留下的遗产来还" in plain


@pytest.mark.parametrize("messages", [("我欠了马上消费的钱 实在还不上了",), ("你好", "我欠了招联的钱还不上了"),
                                      ("借呗逾期三个月了 催收天天给我通讯录里的人发消息", "那我自己要还吗"),
                                      ("714的口子借了两千 到手一千四", "what if I stop paying")])
def test_the_borrower_asking_whether_they_must_repay_is_told_yes_and_what_not_the_familys_rule_walk_64(assistant, messages):
    """"那我要还吗" from the borrower got "没签字的家人一般没有还款义务" (walk 64): the borrower's own answer leads."""
    reply = _after(assistant, *messages)
    plain = assistant.renderer.plain(reply)
    assert reply.hits[0].passage.id == "guide-borrower-owes", [h.passage.id for h in reply.hits[:3]]
    assert "家人一般没有还款义务" not in plain and "家人通常没有还款义务" not in plain


def test_a_parent_asking_whether_they_must_repay_still_gets_the_familys_rule(assistant):
    reply = _after(assistant, "儿子借了网贷 催收天天打给我", "那我们做父母的要还吗")
    assert reply.hits[0].passage.id != "guide-borrower-owes"
    assert "家人" in assistant.renderer.plain(reply)


@pytest.mark.parametrize("text", ["借了个口子到手1500 一周还2500 现在他们说要把P的我的裸照发给通讯录所有人",
                                  "got 2000 from a loan app, must pay 3200 in 7 days, now they threaten to send my nude photos to my family"])
def test_photos_held_over_a_borrower_lead_the_reply_before_the_loans_rate_walk_64(assistant, text):
    reply = assistant.reply(text)
    plain = assistant.renderer.plain(reply)
    assert reply.hits[0].passage.id == "guide-nude-photos" and "3," not in plain.split("\n")[0], plain[:200]
    assert "110" in plain


@pytest.mark.parametrize("text", ["在高速上 语音打的字 催收刚又打来了", "I'm driving, the loan app keeps calling my boss"])
def test_someone_at_the_wheel_is_told_once_to_stop_before_reading_walk_63(assistant, text):
    session = Session(user="wheel")
    first = assistant.renderer.plain(assistant.respond(session, text))
    assert "开车" in first.split("\n")[0] or "driving" in first.split("\n")[0]
    again = assistant.renderer.plain(assistant.respond(session, text))
    assert "先别看手机" not in again and "don't read this now" not in again


@pytest.mark.parametrize("text, passage, words", [
    ("我喺香港問財務公司借咗五萬 而家還唔到 佢哋話要嚟淋紅油", "guide-hong-kong-lender", "999"),
    ("香港的银行信用卡欠了十几万 想申请破产 香港可以吗", "guide-hong-kong-lender", "破产管理署"),
    ("我在台中 信用卡跟信貸欠了國泰世華大概80萬 銀行一直打來", "guide-taiwan-lender", "前置協商"),
    ("I owe a bank in Taiwan on my credit card and can't pay it back", "guide-taiwan-lender", "Taiwan law")])
def test_a_hong_kong_or_taiwan_lender_is_told_it_is_local_law_with_the_local_ways_walk_64(assistant, text, passage, words):
    """A Hong Kong finance company or a Taiwanese bank got mainland law, 12378 and Shenzhen's bankruptcy (walk 64)."""
    reply = assistant.reply(text)
    plain = assistant.renderer.plain(reply)
    assert reply.hits[0].passage.id == passage and words in plain, [h.passage.id for h in reply.hits[:3]]


@pytest.mark.parametrize("text", ["我喺香港 之前喺大陸啲網貸借咗錢 而家個催收日日打嚟",
                                  "我是台灣人 在東莞上班 之前辦了一張招行的信用卡 現在欠八萬多繳不出來 這樣會被告嗎",
                                  "我是香港人 在深圳辦了張招行信用卡 而家還唔到"])
def test_a_mainland_loan_written_from_hong_kong_or_by_a_taiwanese_is_not_the_local_lenders_card(assistant, text):
    reply = assistant.reply(text)
    assert reply.hits[0].passage.id not in ("guide-hong-kong-lender", "guide-taiwan-lender")


def test_a_brothers_share_of_a_mothers_care_and_child_support_are_answered_with_article_1067(assistant):
    """Walk 68/69: a carer asked whether her brother must share their mother's medical costs, and got the card on
    family members not repaying loans; a single mother's child support had no answer at all."""
    for text in ("我一个人照顾中风的爸爸 医药费都是借的 我弟弟一分不出 他没有义务吗",
                 "离婚两年了 孩子跟我 前夫一直不给抚养费 我还背着网贷 怎么办"):
        reply = assistant.respond(Session(user="support"), text)
        assert "law-civil-1067" in [h.passage.id for h in reply.hits[:2]], text


def test_after_her_own_crisis_a_question_about_the_debt_is_answered_not_asked_as_new(assistant):
    session = Session(user="after")
    assistant.respond(session, "我妈瘫在床上三年 我照顾她 欠了二十万 有几次真想带她一起走 两个人都解脱")
    reply = assistant.respond(session, "明天我找社区问问能不能帮着照顾几天。另外这些钱都是给我妈看病借的，我哥是不是也应该出一份")
    said = assistant.renderer.plain(reply)
    assert reply.mode == "answer" and "你有没有想过伤害自己" not in said and "今晚" in said


def test_what_do_i_do_after_the_cost_of_a_lawsuit_is_not_a_loan_traps_steps(assistant):
    """"那我该怎么办" after the answer on what being sued costs took steps for a loan trap nobody named ("向公安机关报案，
    说明套路贷的经过") from a passage the blended context reached; that passage is now for messages naming an IOU or a
    loan trap (2026-12-04)."""
    costs = Session(user="leans3")
    assistant.respond(costs, "催收天天打电话给我爸妈")
    assistant.respond(costs, "他们说要起诉我 打官司我要出多少钱")
    assert "套路贷" not in assistant.renderer.plain(assistant.respond(costs, "那我该怎么办"))


def test_a_campus_confession_wall_is_not_nude_photos_walk_73(assistant):
    """A male student whose collectors threatened to post his debt on the campus confession wall (表白墙) got the
    nude-photo card and "可以请女民警接待" (walk 73)."""
    reply = assistant.reply("催收说不还就发到我们学校表白墙上 让全校都知道")
    assert reply.hits[0].passage.id != "guide-nude-photos" and "女民警" not in assistant.renderer.plain(reply)


def test_what_now_after_a_second_topic_is_about_the_second_walk_73(assistant):
    """"那我该怎么办" after calls to parents and then a lawyer's letter recapped the steps for the parents' calls (walk 73):
    the last thing told is what it asks about."""
    session = Session(user="what-now")
    for message in ("催收天天打电话给我爸妈", "今天又收到一个律师函 说要起诉我"):
        assistant.respond(session, message)
    reply = assistant.respond(session, "那我该怎么办")
    assert "fake_legal_threats" in topics(reply) and not any("家人" in step for step in reply.steps)


def test_collectors_calling_non_payment_fraud_get_not_a_crime_walk_75(assistant):
    """A 58-year-old who borrowed 20,000 online: "他们还说我这是诈骗，要坐牢" got the card for scam victims ("钱被骗走是另一
    回事…报警并要回执", walk 75)."""
    session = Session(user="w75p23")
    for message in ("催收的说明天要上门，还说要去派出所立案抓我坐牢，我是不是要坐牢了，我没文化不懂",
                    "我58了一个人住，他们要是来了我开不开门"):
        assistant.respond(session, message)
    said = assistant.renderer.plain(assistant.respond(session, "他们还说我这是诈骗，要坐牢。我借的是网贷，两万块，没钱还了"))
    assert "不是犯罪" in said and "回执" not in said


def test_a_guarantor_who_signed_is_not_told_family_owe_nothing_and_gets_12348_explained_walk_75(assistant):
    """A man of 62 who signed his son's guarantee ("儿子借钱让我签字担保") was next told "没签担保就不必替你还…告诉催收'我没有
    义务'", and "12348是啥 我不会弄" got the card on children's schools (walk 75)."""
    session = Session(user="w75p09")
    assistant.respond(session, "我今年62了 没读过几年书 字打的不好 儿子借钱让我签字担保 现在人家天天打电话找我要钱")
    said = assistant.renderer.plain(assistant.respond(session, "合同找不到了 我也看不懂 他们说不还就起诉我 要拿我房子"))
    assert "不必替你还" not in said and "我没有义务" not in said
    said = assistant.renderer.plain(assistant.respond(session, "12348是啥 我不会弄 儿子也不接我电话"))
    assert "公共法律服务热线" in said and "学校" not in said


def test_after_a_threat_to_come_and_arrest_the_follow_ups_are_about_the_visit(assistant):
    """"催收说明天上门抓我" → "他们真的会来吗" got fake legal papers, and "那我该怎么办" then got the arbitration steps
    ("查合同有没有仲裁条款"), beside a fear of tomorrow's visit (console check, 2026-12-04). The arrest passage still
    answers the first message (topics.md puts "上门抓人" under fake_legal_threats); the arbitration card is only for
    arbitration."""
    session = Session(user="arrest-visit")
    first = assistant.respond(session, "催收说明天上门抓我")
    assert "抓人的权力" in assistant.renderer.plain(first)
    said = assistant.renderer.plain(assistant.respond(session, "他们真的会来吗"))
    assert "仲裁条款" not in said and "仲裁委" not in said
    session = Session(user="arrest-visit-2")
    assistant.respond(session, "催收说明天上门抓我")
    said = assistant.renderer.plain(assistant.respond(session, "那我该怎么办"))
    assert "仲裁条款" not in said and "仲裁委" not in said


def test_what_now_after_a_visit_tonight_goes_on_with_the_visit_not_with_posts_in_groups(assistant):
    """"催收说今天晚上带人来我家" → "他们真的会来吗" → "那我该怎么办" got the threats topic's steps for posts in groups
    ("截图发布者、时间、内容、转发范围"), beside a fear of tonight (console check, 2026-12-04): the follow-up goes on with
    the situation the last answer read. After "催收说明天上门抓我", the same question keeps the door shut."""
    session = Session(user="visit-tonight")
    assistant.respond(session, "催收说今天晚上带人来我家")
    assistant.respond(session, "他们真的会来吗")
    said = assistant.renderer.plain(assistant.respond(session, "那我该怎么办"))
    assert "转发范围" not in said and "平台举报" not in said
    assert "陪着" in said and "110" in said
    session = Session(user="arrest-what-now")
    assistant.respond(session, "催收说明天上门抓我")
    said = assistant.renderer.plain(assistant.respond(session, "那我该怎么办"))
    assert "不开门" in said and "不打信息里的电话" not in said


def test_asking_who_can_read_the_contract_is_a_question_not_a_goodbye_walk_75(assistant):
    """A 62-year-old guarantor's "好 那我找谁帮我看合同" was read as what he would do next and got "好的。有新情况随时告诉我。"
    (walk 75): "找谁" asks who."""
    session = Session(user="w75p09-who")
    for message in ("我今年62了 没读过几年书 字打的不好 儿子借钱让我签字担保 现在人家天天打电话找我要钱",
                    "合同找不到了 我也看不懂 他们说不还就起诉我 要拿我房子"):
        assistant.respond(session, message)
    reply = assistant.respond(session, "好 那我找谁帮我看合同")
    assert reply.mode == "answer" and "12348" in assistant.renderer.plain(reply)


@pytest.mark.parametrize("messages", [
    ("催收打到我公司了", "我应该跟人事怎么解释比较好"),
    ("啲催收爆咗我通訊錄，連我同事都收到短訊，點算", "我應該點樣同同事講")])
def test_what_to_tell_hr_or_coworkers_gets_a_sentence_to_say_walk_76(assistant, messages):
    """"我应该跟人事怎么解释比较好" got family-liability items three times, and Cantonese "我應該點樣同同事講" got the card
    on collectors calling the family (walk 76): the sentence to say."""
    session = Session(user="w76-tell")
    for message in messages[:-1]:
        assistant.respond(session, message)
    said = assistant.renderer.plain(assistant.respond(session, messages[-1]))
    assert "貸款公司違規" in said or "贷款公司违规" in said, said


def test_a_cantonese_conversation_keeps_hong_kong_lines_when_a_message_has_no_cantonese_words_walk_76(assistant):
    """A Cantonese writer got Hong Kong's Samaritans under one answer and Taiwan's 1925 under the next, whose words
    happened to be only traditional characters (walk 76)."""
    session = Session(user="w76p29")
    for message in ("啲催收爆咗我通訊錄，連我同事都收到短訊，點算", "我唔想再搞落去，太攰了", "冇諗過死，就係好攰，想瞓覺"):
        assistant.respond(session, message)
    said = assistant.renderer.plain(assistant.respond(session, "我應該怎樣跟同事說"))
    assert "1925" not in said and "2896 0000" in said


def test_a_bank_refusing_instalments_is_complained_of_to_12378_not_the_credit_line_walk_76(assistant):
    """"如果銀行不同意，我去投訴有用嗎" after asking the bank for instalments got "向当地人民银行分支机构投诉，或拨打12363"
    (the line for credit records; walk 76)."""
    session = Session(user="w76p09")
    for message in ("我在深圳工作，信用卡和网贷加起来欠了四十几万，已经逾期半年了", "银行客服说不能停息，只能分24期，我该怎么办"):
        assistant.respond(session, message)
    said = assistant.renderer.plain(assistant.respond(session, "好吧，那如果银行不同意，我去投诉有用吗"))
    assert "12378" in said and "12363" not in said


def test_a_joint_guarantor_is_told_it_can_be_all_and_claimed_back_walk_76(assistant):
    """A joint-liability guarantor asked three times "连带责任是不是要全部还清？我能不能找借钱的人要回来" and got the same
    general paragraph each time, then "你是复读机吗？" got it a fourth time (walk 76)."""
    session = Session(user="w76p21-guarantee")
    assistant.respond(session, "我给朋友做了担保人，他跑路了，现在银行起诉我")
    said = assistant.renderer.plain(assistant.respond(session, "担保合同是2019年签的，写的连带责任。这是不是意味着我要全还"))
    assert "直接要你" in said and "追偿" in said
    sorry = assistant.respond(session, "你是复读机吗？同一段话说了三遍")
    assert assistant.renderer.plain(sorry).startswith("对不起")


def test_a_home_bought_in_the_marriage_is_half_the_mothers_walk_76(assistant):
    """A father died with online loans; "就一套老房子，写的我妈名字" got the guarantor checklist and later "没留下遗产…一般就
    不用还" (walk 76), as if the home were nothing: half of a home bought in the marriage is the mother's own, half is the
    estate, and only a court can take it."""
    session = Session(user="w76p27")
    assistant.respond(session, "我爸去世了，留下了十几万网贷，催收让我们做子女的还，我们要还吗")
    said = assistant.renderer.plain(assistant.respond(session, "房子是我爸妈结婚后买的，写的我妈名字。催收说房子要拿来还债"))
    assert "一半" in said and "法院" in said and "担保" not in said, said


def test_traditional_writing_on_the_mainland_gets_traditional_replies_walk_77(assistant):
    """"您好，我在深圳工作，信用卡和網貸加起來欠了四十幾萬" got simplified replies (walk 76, 77): the place said was on the
    mainland. A Guangdong typist's 係 in simplified text still gets simplified."""
    assert assistant.respond(Session(user="w77-tw"), "您好，我在深圳工作，信用卡和網貸加起來欠了四十幾萬，逾期了").script != "simplified"
    assert assistant.respond(Session(user="w77-gd"), "我喺广州 佢哋话我唔还就嚟屋企搵我 真係好烦").script == "simplified"


def test_a_court_frozen_salary_card_and_no_money_for_food_gets_living_costs_and_relief_walk_77(assistant):
    """A mother whose salary card a court froze got a fake-court warning, "錢已經轉出去了…馬上打110報案", "交钱解冻是骗子
    编的" and collectors at the school; "那我今天晚上孩子吃什么，有没有地方能先帮帮我" got "你有没有想过伤害自己？" (walk 77).
    The court must leave living costs (described), and temporary relief is applied for at the street office."""
    session = Session(user="w77p30")
    first = assistant.respond(session, "我的工資卡被凍結了，說是法院凍結的，我連吃飯的錢都沒有了，怎麼辦")
    said = assistant.renderer.plain(first)
    assert not first.scams and "臨時救助" in said and "生活必需" in said
    later = assistant.respond(session, "我沒有被騙。是法院凍結了我的工資卡。我想知道能不能申請解凍一部分錢交房租和買菜。")
    assert "詐騙" not in assistant.renderer.plain(later) and "诈骗" not in assistant.renderer.plain(later)
    session = Session(user="w77p13")
    assistant.respond(session, "我一个人带孩子，工资卡被法院冻结了，卡里的钱一分取不出来，家里米都快没了")
    reply = assistant.respond(session, "那我今天晚上孩子吃什么，有没有地方能先帮帮我")
    assert reply.mode == "answer" and "临时救助" in assistant.renderer.plain(reply)


def test_asked_whether_a_towed_car_can_be_got_back_gets_how_walk_77(assistant):
    """A ride-hailing driver asked three times "拖走了我还能要回来吗" and got the same "可以协商用车抵债" each time (walk 77)."""
    session = Session(user="w77p16")
    assistant.respond(session, "我跑网约车的，车是贷款买的，还欠八万，已经逾期两个月，他们说要来拖车")
    said = assistant.renderer.plain(assistant.respond(session, "车要是被拖走了，我还能要回来吗"))
    assert "要回" in said and "市场价" in said


def test_a_student_asking_whether_campus_loans_are_legal_gets_the_2021_rule_walk_79(assistant):
    """"校园贷合不合法" was answered with family liability and then as a fraud (walk 79 p14): since 2021 microloan
    companies may not lend to university students, and what arrived is still owed."""
    session = Session(user="w79p14")
    assistant.respond(session, "我是大二学生，在一个APP上借了校园贷，现在还不上了")
    said = assistant.renderer.plain(assistant.respond(session, "校园贷合不合法？我还要还吗"))
    assert "2021" in said and "大学生" in said and "本金" in said, said


def test_a_friends_loan_with_no_interest_agreed_carries_none_walk_79(assistant):
    """5,000 from a friend, nothing written, 6,000 a month asked, 3,000 paid: walk 79 p30 was asked four times how many
    instalments there were. With no interest agreed there is none (民法典 680), and 2,000 of principal is left."""
    session = Session(user="w79p30")
    said = assistant.renderer.plain(assistant.respond(
        session, "我借了朋友5000块，当时没写借条也没说利息，现在他说每个月要6000利息，我已经还了3000"))
    assert "视为没有利息" in said and "2,000" in said and "还差一个数" not in said, said
    assert "12378" not in said  # a loan from a friend is no bank regulator's matter


def test_asked_when_the_crime_of_collecting_illegal_debts_began_gets_the_date_walk_79(assistant):
    """"催收犯罪这条是什么时候加进刑法的" got the general reading on illegal debts (walk 79 p22): the answer is the date."""
    session = Session(user="w79p22-when")
    assistant.respond(session, "催收威胁我说要把我的照片发到网上，这犯法吗")
    said = assistant.renderer.plain(assistant.respond(session, "催收犯罪这条是什么时候加进刑法的"))
    assert "2021年3月1日" in said and "刑法修正案（十一）" in said, said


def test_whether_a_loan_taken_in_ones_name_must_be_repaid_is_answered_as_identity_theft_walk_79(assistant):
    """After "有人用我的身份证在网上借了6万", "那这6万我还要不要还？" got the passage on repaying one's own loan ("按每月真
    拿得出的钱，书面协商分期", walk 79 left undone): a loan taken in one's name is not one's own debt."""
    session = Session(user="w79-id")
    for message in ("有人用我的身份证在网上借了6万，我根本不知道，现在催收打给我", "我报警了，派出所说先去立案"):
        assistant.respond(session, message)
    said = assistant.renderer.plain(assistant.respond(session, "那这6万我还要不要还？"))
    assert "冒名" in said and "分期" not in said, said


def test_asking_only_for_company_gets_company_without_steps_walk_80(assistant):
    """"我不需要建议，什么法条都别跟我说，就想有人陪我说说话" got three numbered steps, then "你怎么还是给我列一二三，我说了不要
    建议。我就是今天特别孤单" got the steps for recording calls (walk 80)."""
    session = Session(user="w80p07")
    first = assistant.respond(session, "我不需要建议，什么法条都别跟我说，就想有人陪我说说话")
    second = assistant.respond(session, "你怎么还是给我列一二三，我说了不要建议。我就是今天特别孤单")
    assert first.mode == second.mode == "small_talk" and not first.steps and not second.steps
    assert assistant.renderer.plain(first) != assistant.renderer.plain(second)


def test_a_wife_and_child_gone_to_her_parents_is_not_the_card_on_schools_walk_80(assistant):
    """"我欠了十几万，老婆知道后带孩子回娘家了，催收还在打电话给她" got "孩子和学校与你的债务无关" twice (walk 80)."""
    session = Session(user="w80p20-wife")
    said = assistant.renderer.plain(assistant.respond(session, "我欠了十几万，老婆知道后带孩子回娘家了，催收还在打电话给她"))
    assert "学校" not in said and "家人" in said, said


def test_an_app_said_to_be_unlicensed_gets_the_private_reading_walk_80(assistant):
    """"那些APP应该不是持牌的吧？那我还要还700吗" got "持牌机构…不要自行停还" (walk 80): 不是持牌 is unlicensed."""
    session = Session(user="w80p13")
    assistant.respond(session, "我整理了一下，五个是银行和消费金融，其他是小贷和一些不知道什么来头的APP")
    said = assistant.renderer.plain(assistant.respond(session, "那些APP应该不是持牌的吧？那我还要还700吗"))
    assert "不要自行停还" not in said and ("四倍" in said or "到手" in said), said


def test_whether_to_report_a_loan_in_ones_name_is_not_the_relatives_choice_walk_80(assistant):
    """A stranger's loan in his name: "到底要不要报？我真的没借过" got "报不报警由你决定" (the passage for a relative who used
    the card, walk 80); for him the report is what the platform and the credit record need."""
    session = Session(user="w80p22")
    for message in ("我根本没借过钱，突然有催收打电话说我在某平台借了三万，说是用我身份证借的，我需要还吗",
                    "我要去派出所报案吗？派出所会受理吗？要带什么"):
        assistant.respond(session, message)
    said = assistant.renderer.plain(assistant.respond(session, "你前面说要去报案，现在又说报不报由我，到底要不要报？我真的没借过"))
    assert "报不报警由你决定" not in said and "报案" in said, said


@pytest.mark.parametrize("text, words", [
    ("民间借贷利率不能超过LPR四倍的规定是什么时候开始实施的", "2020年8月20日"),
    ("民法典是哪天开始施行的", "2021年1月1日"),
])
def test_asked_when_a_rule_took_effect_gets_the_date_walk_80(assistant, text, words):
    """Walk 80 asked six times when the 4 × LPR rule and the Civil Code took effect, and got steps each time."""
    said = assistant.renderer.plain(assistant.respond(Session(user="w80p26"), text))
    assert words in said, said


def test_a_lender_with_no_interest_written_is_told_of_overdue_interest_walk_80(assistant):
    """A lender ("我前年借给朋友五万块…没写利息…我能要利息吗") was told "没约定利息的，只按本金还" (walk 80): none for the
    loan period, but overdue interest at the LPR from the due date."""
    said = assistant.renderer.plain(assistant.respond(
        Session(user="w80p24"), "我前年借给朋友五万块，打了借条，但是没写利息，现在他一直拖着不还，我能要利息吗"))
    assert "逾期利息" in said and "LPR" in said, said


def test_working_in_hong_kong_and_threatened_with_dismissal_gets_hong_kong_employment_law_walk_80(assistant):
    """A mainland debtor working in Hong Kong got mainland labour law ("经济补偿的两倍", 12333) for "老板说再有电话打来就让
    我走人", and court text after "我说的是香港" (walk 80)."""
    session = Session(user="w80p19")
    assistant.respond(session, "我在香港工作，内地有网贷逾期，催收一直打电话到我香港的公司，老板已经找我谈话了")
    said = assistant.renderer.plain(assistant.respond(session, "老板说再有电话打来就让我走人。我能做什么让他们别打到公司"))
    assert "僱傭條例" in said and "2717 1771" in said and "经济补偿的两倍" not in said, said


def test_a_rate_asked_of_a_loan_with_no_interest_agreed_is_not_set_against_the_cap_walk_81(assistant):
    """"当时没说利息…他说要按年利率15%" then "所以我要不要给他12%？" got "按你说的年化 12.00%…没超过" (walk 81): none is
    owed for the loan period."""
    session = Session(user="w81p24")
    assistant.respond(session, "前年找朋友借了三万，当时没说利息，也没写借条，现在他说要按年利率15%给他利息，我必须给吗")
    said = assistant.renderer.plain(assistant.respond(session, "所以我要不要给他12%？"))
    assert "没超过" not in said and "视为没有利息" in said, said


def test_the_public_security_law_asked_by_name_gets_its_article_and_date_walk_81(assistant):
    """"那催收骚扰的话，治安管理处罚法是第几条？" got the civil code's articles on interest, and "新的治安管理处罚法是哪天开始
    施行的？" the date of 刑法修正案（十一） (walk 81)."""
    session = Session(user="w81p25")
    assistant.respond(session, "民间借贷利率不能超过LPR四倍，这个规定是什么时候开始实施的？")
    said = assistant.renderer.plain(assistant.respond(session, "那催收骚扰的话，治安管理处罚法是第几条？"))
    assert "第五十条" in said and "第六百七十条" not in said, said
    said = assistant.renderer.plain(assistant.respond(Session(user="w81p25b"), "新的治安管理处罚法是哪天开始施行的？"))
    assert "2026年1月1日" in said, said


def test_a_check_in_answered_is_not_asked_again_on_a_question_of_inheritance_walk_81(assistant):
    """An heir asking about a father's house and 8万 of loans was asked "你有没有想过伤害自己？" twice, the second time after
    "我没想伤害自己，你怎么突然问这个？" (walk 81)."""
    session = Session(user="w81p26")
    for message in ("我爸去世了，留下一笔网贷，催收让我还，我需要还吗", "房子大概值50万，网贷欠了8万。那我继承房子后，催收是不是就可以找我了",
                    "我没想伤害自己，你怎么突然问这个？我问的是继承了是不是要还8万"):
        assistant.respond(session, message)
    reply = assistant.respond(session, "我的意思是：我继承了房子，是不是就得用房子的钱把8万还上？")
    assert reply.mode == "answer" and "遗产" in assistant.renderer.plain(reply)


def test_a_no_to_the_check_in_with_a_question_of_its_own_gets_that_question_answered(assistant):
    """Console check of 2026-12-05: "我没想死，我就是难受。她没签字，催收能一直打给她吗" after the check-in got the reading
    on stress and steps for emotional-harm damages; the question about the calls to the mother is what it asks."""
    session = Session(user="console-mother")
    assert assistant.respond(session, "今天催收又打给我妈了，我妈说我还不如去死").mode == "check_in"
    reply = assistant.respond(session, "我没想死，我就是难受。她没签字，催收能一直打给她吗")
    said = assistant.renderer.plain(reply)
    assert "third_party_contact" in reply.hits[0].passage.topics and "精神损害" not in said, said


@pytest.mark.parametrize("message", ["催收现在就在电话里，我该怎么回他", "the collector is calling me now, what should I say",
                                     "催收刚才又打电话了，我该怎么回他"])
def test_a_collector_on_the_line_gets_words_to_say(assistant, message):
    """"催收现在就在电话里，我该怎么回他" got general steps (record, ask for it in writing) and no words to say back, left
    from the first session of 2026-12-05: a short script the borrower can read out."""
    said = assistant.renderer.plain(assistant.respond(Session(user="on-the-line"), message))
    assert ("照着说" in said and "我在录音" in said) or ("You can say" in said and "I am recording" in said), said


def test_a_card_fee_question_is_told_the_fee_is_the_cost_of_borrowing(assistant):
    """"信用卡分期每个月扣账户管理费合法吗" got how to negotiate an instalment plan, left from the first session of
    2026-12-05: what the fee is and the 2022 rule that instalment costs be shown as interest."""
    said = assistant.renderer.plain(assistant.respond(Session(user="card-fee"), "信用卡分期每个月扣账户管理费合法吗"))
    assert "年化" in said and "2022" in said and "12378" in said, said


def test_a_no_with_a_wish_for_company_and_thanks_after_it_are_kept_company_walk_82(assistant):
    """"没有想过伤害自己，就是想找个人说说话" got "我们接着说催收的事", and "今天就吃了碗泡面，看了会儿春晚。谢谢你陪我" the
    steps for a transferred debt (walk 82 p10); "你能祝我新年快乐吗" was never answered with the wish."""
    session = Session(user="w82p10")
    replies = [assistant.respond(session, m) for m in (
        "过年没回家，一个人在宿舍，有点孤单，能陪我聊聊吗", "就是觉得大家都在团圆，我却欠了一屁股债不敢回家",
        "没有想过伤害自己，就是想找个人说说话", "今天就吃了碗泡面，看了会儿春晚。谢谢你陪我")]
    said = [assistant.renderer.plain(reply) for reply in replies]
    assert "新年快乐" in said[0] and replies[1].mode == "check_in"
    assert "接着说催收" not in said[2] and "聊聊" in said[2], said[2]
    assert replies[3].mode == "small_talk" and "陪你" in said[3], said[3]


def test_counselling_asked_for_with_a_wish_to_talk_is_answered_with_where_to_find_it(assistant):
    """"…就是想找个人说说话，想找个心理咨询，有没有免费的或者便宜点的渠道" got company without the channels, and then a card
    on collectors calling the ex-wife (crisis_holdout140, looked at)."""
    said = assistant.renderer.plain(assistant.reply(
        "最近整个人都是空的，催收还天天打。我不想死，就是想找人说说话，想看心理医生但没钱，有没有免费的地方"))
    assert "12356" in said and "公立医院" in said, said


def test_a_child_in_hospital_is_not_a_child_threatened_at_school_walk_82(assistant):
    """"我在医院，孩子白血病…催收打到病房来了" and "该怎么说孩子的情况" got "告诉班主任加强接送" and "孩子和学校与你的债务
    无关" (walk 82 p13)."""
    session = Session(user="w82p13")
    replies = [assistant.respond(session, m) for m in (
        "孩子住院化疗，钱都是网贷借的，催收电话打到病房来了", "那我明天跟平台打电话，该怎么说孩子的情况")]
    for reply in replies:
        assert "学校" not in assistant.renderer.plain(reply)


@pytest.mark.parametrize("message, words", [
    ("卖血犯不犯法？血浆站是不是给钱", ("第三百三十三条", "血浆站")),
    ("借的时候填了假的工作单位，催收说这是贷款诈骗，会有事吗", ("非法占有", "民事")),
])
def test_selling_blood_and_a_false_employer_are_answered_walk_82(assistant, message, words):
    """"卖血到底犯不犯法" got the checks for fake court papers three times, and "填了假的工作单位，会不会算诈骗" the HR and
    licensed-lender cards (walk 82 p17, p19)."""
    said = assistant.renderer.plain(assistant.respond(Session(user="w82-" + words[0]), message))
    assert all(word in said for word in words), said


def test_a_threshold_named_is_not_read_as_the_rate_and_the_refund_is_answered_walk_82(assistant):
    """"平台是持牌的消费金融公司，那超过24%的利息怎么算，已经还了的能要回来吗" got "按你说的年化 24.00%…没超过24%" twice, and
    the refund was never answered (walk 82 p27)."""
    session = Session(user="w82p27")
    assistant.respond(session, "我借的平台年化36%，这合法吗？")
    said = assistant.renderer.plain(assistant.respond(
        session, "平台是持牌的消费金融公司，那超过24%的利息怎么算，已经还了的能要回来吗"))
    assert "24.00%" not in said and "没超过" not in said and "能争取" in said, said


def test_asked_to_pay_before_an_identity_theft_is_checked_is_told_not_to_walk_82(assistant):
    """"平台让我先还钱才肯核查，说核查完了再退给我，这样可以吗" after a loan taken in their name got the card on identity
    theft again and never "不要付" (walk 82 p25)."""
    session = Session(user="w82p25")
    assistant.respond(session, "有人拿我的身份证在网上借了钱，催收天天打给我，我一分钱都没借过")
    said = assistant.renderer.plain(assistant.respond(session, "平台说得先还一部分才给我查，查完再退，能这样吗"))
    assert "不要付" in said, said


@pytest.mark.parametrize("message, words", [
    ("我是担保人，担保的这笔会不会出现在我自己的征信报告上？我要办房贷", ("相关还款责任",)),
    ("信用卡淨係還最低還款，會唔會影響征信", ("不算逾期",)),
])
def test_a_guarantee_on_the_credit_report_and_the_minimum_payment_are_answered_walk_82(assistant, message, words):
    """"担保的事会不会出现在我的征信报告上" was asked three times without an answer; "淨係還最低還款，會唔會影響征信" got the
    general lines on overdue records (walk 82 p29, p16)."""
    said = assistant.renderer.plain(assistant.respond(Session(user="w82-" + message[:4]), message))
    assert all(word in said for word in words), said


def test_entering_the_mainland_with_a_debt_there_is_answered_walk_82(assistant):
    """"會影響我以後來大陸嗎", "以後還能入境大陸嗎" were asked four times and answered with credit records, enforcement and
    family liability (walk 82 p15)."""
    said = assistant.renderer.plain(assistant.respond(Session(user="w82p15"), "在大陸借的網貸沒還完，以後還能入境大陸嗎"))
    assert "入境" in said and "出境" in said, said


@pytest.mark.parametrize("asked", ["那剩下的6000我还要还吗？", "他们说我还欠6000，我还欠吗", "So do I still owe them anything?"])
def test_the_balance_asked_again_answers_on_the_figures_told_walk_83(assistant, asked):
    """"借了1万到手8千，已经还了1万3了" got "本金已经还清了", and two messages later "那剩下的6000我还要还吗？" got a card's
    "要还，但只还该还的" (walk 83 p09): the same figures give the same answer."""
    session = Session(user="w83p09")
    assistant.respond(session, "是一个叫“速借花”的app，好像没有牌照，借了1万到手8千，已经还了1万3了")
    assistant.respond(session, "那多还的5000我怎么要回来？")
    said = assistant.renderer.plain(assistant.respond(session, asked))
    assert ("本金已经还清" in said or "the principal is repaid" in said) and "要还，但只还该还的" not in said, said


def test_collectors_knocking_after_their_threats_get_the_steps_at_the_door_again_walk_83(assistant):
    """After the steps for a visit and a threat of arrest, "他们真上门了，在敲门" got the steps for fake court papers
    ("截图保存所有“立案”“传票”…") (walk 83 p10): at the door, the door's steps again."""
    session = Session(user="w83p10")
    for text in ("催收现在正在打我电话！我接了，他问我今天能不能还，我该怎么说？快", "他说今天不还就上门，还要打给我通讯录所有人，我该怎么回他", "他又打来了，说我不还就是诈骗，要报警抓我，我怎么回",
                 "挂了。他说下午就上门，我一个人在家，有点怕"):
        assistant.respond(session, text)
    said = assistant.renderer.plain(assistant.respond(session, "他们真上门了，在敲门"))
    assert "开门" in said and "立案" not in said, said


def test_a_guarantor_who_paid_is_told_how_to_claim_it_back_walk_84(assistant):
    """A guarantor ordered to pay his cousin's 80,000 asked how to get it back and was told of the borrower's side (walk
    84 p25): recourse under 民法典 700, and its time limit."""
    said = assistant.renderer.plain(assistant.reply("我给我小舅子的网贷做了担保，他跑了，法院执行了我六万，我能找他要回来吗"))
    assert "第七百条" in said and "三年" in said, said


def test_a_loan_repaid_in_full_and_chased_again_is_checked_not_paid_walk_84(assistant):
    """"我在安逸花借的钱已经全部还清了，有结清证明，现在又有人打电话说我还欠两千多没还" got the card on family liability, and
    "怎么举报这个骗子电话" later "一般还要还" (walk 84 p28)."""
    said = assistant.renderer.plain(assistant.reply(
        "借呗上个月就还完了，App里也显示结清，今天有个人打电话说我还有一千多逾期费没还，让我马上转给他"))
    assert "官方" in said and "个人账户" in said, said


def test_labour_arbitration_is_not_the_loan_contracts_final_arbitration_walk_85(assistant):
    """"我去仲裁要多久能拿到？" after a dismissal got "仲裁是一裁终局…三个月内向中级法院申请撤销" (walk 84 p30, walk 85 p08):
    labour arbitration is free, decided in 45 (+15) days, and a worker who disagrees can sue within 15 days."""
    session = Session(user="w85p08")
    first = assistant.renderer.plain(assistant.respond(session, "公司把我开除了，我想去劳动仲裁，要多久能拿到赔偿？"))
    again = assistant.renderer.plain(assistant.respond(session, "仲裁输了还能上诉吗"))
    assert "45天" in first and "一裁终局" not in again and "15天" in again, (first, again)


def test_asked_whether_collectors_can_come_to_work_the_workplace_is_answered(assistant):
    """After "他们天天打我电话，还说要去我单位", "那真的吗，他们能去单位吗" got the reading on family and contacts again and steps
    on counting calls (console check, end of the third session of 2026-12-05): what collectors may and may not do at
    a workplace."""
    session = Session(user="cc1205")
    assistant.respond(session, "他们天天打我电话，还说要去我单位")
    said = assistant.renderer.plain(assistant.respond(session, "那真的吗，他们能去单位吗"))
    assert "到单位闹" in said and "扣工资" in said, said


@pytest.mark.parametrize("text, figures", [
    ("借了714的口子，1500到手，7天要还2250", {"received": 1500, "days": 7, "payment": 2250}),
    ("到手1500，还2250，7天", {"received": 1500, "days": 7, "payment": 2250}),
    ("714高炮，900到手，14天还1500", {"received": 900, "days": 14, "payment": 1500}),
])
def test_a_714_loan_is_a_kind_not_an_amount_walk_86(text, figures):
    """"借了714的口子，1500到手，7天要还2250" was worked out on 714 yuan received (11,217 %), and "到手1500，还2250，7天"
    got "这几个数字算不出利率" (walk 86 p11)."""
    found = read_figures(text)
    assert {k: found.get(k) for k in figures} == figures


@pytest.mark.parametrize("text", ["一个月工资5200到手", "已经还2000，3个月了"])
def test_pay_and_what_was_repaid_are_not_a_loans_figures_walk_86(text):
    found = read_figures(text)
    assert "received" not in found and "payment" not in found, found


def test_a_weekly_rate_is_made_annual_and_named_as_illegal_lending_walk_86(assistant):
    """"我问的是一周50%的利息合不合法" got "要看放贷方是谁…用 /rate" twice (walk 86 p19): about 2,600 % a year, far over the
    cap, and lending as a business above 36 % may be illegal lending."""
    reply = assistant.reply("借的私人的钱，一周50%的利息，这合法吗")
    said = assistant.renderer.plain(reply)
    assert reply.stated_rate == 2600 and "非法放贷" in said and "举报" in said, said


def test_threats_to_out_someone_are_answered_as_privacy_walk_86(assistant):
    """"催收说要告诉我爸妈我是同性恋" got "没签担保的家人通常没有还款义务" (walk 86 p14): a threat with a private matter."""
    said = assistant.renderer.plain(assistant.reply("催收看了我的聊天记录，威胁说不还钱就跟我家里说我是同性恋"))
    assert "隐私" in said and "报警" in said and "还款义务" not in said, said


def test_a_hong_kong_bankruptcy_is_not_recognised_on_the_mainland_walk_86(assistant):
    """"香港破產令，大陸法院承唔承認？" got "可以。2024年1月29日起…" (walk 86 p06), the answer to the reverse question."""
    said = assistant.renderer.plain(assistant.reply("我喺香港申請咗破產，大陸法院承唔承認香港嘅破產令？"))
    assert "可以。2024" not in said and ("不會因此消掉" in said or "不会因此消掉" in said or "沒有承認" in said
                                          or "没有承认" in said), said


def test_a_relatives_loans_and_ones_own_credit_record_walk_86(assistant):
    """A daughter asked six times whether her late father's loans would go on her own credit report and got the
    five-year rule, "已逾期的尽快还清" and a menu for "😤" (walk 86 p10): no, unless she signed."""
    said = assistant.renderer.plain(assistant.reply("我妈生前欠的网贷，会不会出现在我的征信上？我什么都没签过"))
    assert "不会" in said and "担保" in said and "尽快还清" not in said, said


def test_an_angry_face_after_answers_that_missed_is_heard_walk_86(assistant):
    session = Session(user="w86p10")
    assistant.respond(session, "催收说我爸的债要我还")
    reply = assistant.respond(session, "😤")
    assert reply.mode == "small_talk" and "对不起" in assistant.renderer.plain(reply)


def test_macau_junket_money_asked_again_is_answered_for_macau_walk_86(assistant):
    """"我问的是这个钱我到底要不要还" after a junket's loan got "要还…持牌机构的本金…用 /rate" (walk 86 p05)."""
    session = Session(user="w86p05")
    assistant.respond(session, "在澳门赌厅输了，找叠码仔借了十万，他们说要去我老家找人")
    said = assistant.renderer.plain(assistant.respond(session, "我问的是这笔钱我到底要不要还"))
    assert "澳门" in said and "持牌机构的本金" not in said, said


def test_a_home_mortgage_in_arrears_is_not_a_misused_business_loan_walk_86(assistant):
    """"我问的是能不能自己先把房子卖了还银行，这是房贷不是经营贷" got "经营贷拿去还房贷…银行可以提前收回" (walk 86 p07)."""
    session = Session(user="w86p07")
    assistant.respond(session, "房贷断供三个月了，银行会起诉我吗")
    said = assistant.renderer.plain(assistant.respond(session, "我问的是能不能自己先把房子卖了还银行，这是房贷不是经营贷"))
    assert "带押过户" in said and "经营贷拿去还房贷" not in said, said


def test_severance_after_a_restructuring_is_worked_out_walk_86(assistant):
    """"4年工龄，月薪8000，裁员该赔多少钱" got the card on collectors calling the employer, then personal data (walk 86
    p08): a month per year, one more without notice."""
    said = assistant.renderer.plain(assistant.reply("公司业务调整把我裁了，干了三年，只给了半个月工资，应该赔多少"))
    assert "N+1" in said and "每满一年一个月工资" in said and "催收" not in said, said


def test_a_village_committee_announcing_the_debt_is_answered_walk_86(assistant):
    """"村委会凭什么帮催收的广播？我能去哪里告他们" got steps for the family and 12321, five times (walk 86 p03)."""
    said = assistant.renderer.plain(assistant.reply("催收找了居委会，居委会在小区群里点我名说我欠网贷不还，我能找谁"))
    assert "居委会" in said and "乡镇政府" in said, said


def test_weeks_of_interest_paid_are_not_an_amount_walk_87(assistant):
    """"每周还两千利息，已经还了十周了" was read as 10 yuan repaid ("你已经还了约 10 元，本金还差约 19,990 元", walk 87 p23)."""
    assert "paid" not in read_figures("每周还两千利息，已经还了十周了，本金两万还没动")


def test_a_long_sigh_emoji_is_not_out_of_scope_walk_87(assistant):
    reply = assistant.reply("😮‍💨")
    assert reply.mode != "out_of_scope"
