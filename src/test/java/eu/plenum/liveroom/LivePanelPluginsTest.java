package eu.plenum.liveroom;

import static eu.plenum.liveroom.LiveRoomFixture.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import eu.plenum.testsupport.BrowserJourney;
import eu.plenum.testsupport.PlenumTestServers;
import io.agroal.api.AgroalDataSource;
import io.quarkus.qute.Engine;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Q&A, polls and hands plug-ins in Chromium, served by the app as the pages will load them, mounted
 * by a stand-in for h-live's panel (window.PlenumLive) and fed the real handlers' snapshots: what they
 * render for an attendee and a host, and which frames their buttons send.
 */
@QuarkusTest
@WithTestResource(PlenumTestServers.class)
class LivePanelPluginsTest extends BrowserJourney {

    private static final String HARNESS = """
            () => {
              window.liveTest = { sent: [], badges: {}, plugins: {}, lives: {} };
              window.PlenumLive = { register(key, plugin) { window.liveTest.plugins[key] = plugin; } };
              document.body.replaceChildren();
            }""";
    private static final String MOUNT = """
            ([you, states]) => {
              for (const [key, plugin] of Object.entries(window.liveTest.plugins)) {
                const live = {
                  you: JSON.parse(you),
                  send(frame) { window.liveTest.sent.push(frame); return Promise.resolve({ type: 'ack' }); },
                  badge(id, n) { window.liveTest.badges[id] = n; },
                  t(key) { return key; }
                };
                const container = document.createElement('div');
                container.dataset.testid = 'tab-' + key;
                document.body.append(container);
                plugin.mount(container, live);
                plugin.onWelcome(JSON.parse(states)[key], live);
                window.liveTest.lives[key] = live;
              }
            }""";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    QuestionBoard board;

    @Inject
    Polls polls;

    @Inject
    Hands hands;

    @Inject
    ObjectMapper json;

    @Inject
    Engine templates;

    private Page mounted(Participant who, List<String> errors) throws Exception {
        return mounted(who, errors, null);
    }

    /** Mounts the plug-ins for {@code who}; with a locale, the page carries the texts tag rendered in it. */
    private Page mounted(Participant who, List<String> errors, Locale texts) throws Exception {
        Page page = browser.newPage("en-GB");
        page.onPageError(errors::add);
        page.navigate(home.toString());
        page.evaluate(HARNESS);
        if (texts != null) {
            String tag = templates.getTemplate("tags/liveInteractionTexts").instance().setLocale(texts).render();
            page.evaluate("html => document.body.insertAdjacentHTML('beforeend', html)", tag);
        }
        for (String plugin : List.of("live-questions", "live-polls", "live-hands")) {
            page.addScriptTag(new Page.AddScriptTagOptions().setUrl("/js/" + plugin + ".js"));
        }
        Map<String, Object> states = new LinkedHashMap<>();
        states.putAll(board.snapshot(who));
        states.putAll(polls.snapshot(who));
        states.putAll(hands.snapshot(who));
        Map<String, Object> you = Map.of("participantId", who.participantId().toString(), "displayName", who.displayName(),
                "role", who.role().name());
        page.evaluate(MOUNT, List.of(json.writeValueAsString(you), json.writeValueAsString(states)));
        return page;
    }

    /** The frames the plug-ins sent, as JSON would carry them to the socket. */
    private List<Map<String, Object>> sent(Page page) throws Exception {
        return json.readValue((String) page.evaluate("() => JSON.stringify(window.liveTest.sent)"),
                new com.fasterxml.jackson.core.type.TypeReference<List<Map<String, Object>>>() { });
    }

    private static void event(Page page, String plugin, String type, Map<String, Object> data) {
        page.evaluate("([key, type, data]) => window.liveTest.plugins[key].onEvent({ type: 'event', id: 99, event: type, data: data },"
                + " window.liveTest.lives[key])", List.of(plugin, type, data));
    }

    @Test
    void anAttendeeAsksUpvotesVotesAndRaisesAHand() throws Exception {
        LiveRoomFixture room = LiveRoomFixture.seed(dataSource);
        Participant ada = room.attendee("Ada Asker");
        Participant host = room.host("Hanna Host");
        Participant tess = room.attendee("Tess Tester");
        board.handle(ada, "question.ask", frame("text", "Where are the slides?", "anonymous", false));
        String adas = room.last("question.asked").payload().get("questionId").asText();
        board.handle(room.attendee("Sam Shy"), "question.ask", frame("text", "What does it cost?", "anonymous", true));
        polls.handle(host, "poll.create", frame("question", "Tea or coffee?", "options", List.of("Tea", "Coffee")));
        String poll = room.last("poll.created").payload().get("pollId").asText();
        polls.handle(host, "poll.open", frame("pollId", poll));

        List<String> errors = new ArrayList<>();
        Page page = mounted(tess, errors);
        assertEquals(2, page.getByTestId("live-question").count());
        assertTrue(page.getByTestId("live-question").nth(0).textContent().contains("Ada Asker"));
        assertTrue(page.getByTestId("live-question").nth(1).textContent().contains("Anonymous"));
        assertEquals(0, page.getByText("Mark answered").count(), "attendees get no moderation buttons");
        assertEquals(0, page.getByText("Create poll").count());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upvote: Where are the slides?")).click();
        page.getByLabel("Your question").fill("Is there a recording?");
        page.getByTestId("live-question-ask").click();
        page.getByLabel("Coffee").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Vote").setExact(true)).click();
        page.getByText("Thanks, your vote counts.").waitFor();
        page.getByTestId("live-hand-toggle").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lower hand").setExact(true)).waitFor();
        assertEquals(List.of(
                Map.of("type", "question.upvote", "questionId", adas),
                Map.of("type", "question.ask", "text", "Is there a recording?", "anonymous", false),
                Map.of("type", "poll.vote", "pollId", poll, "options", List.of(1)),
                Map.of("type", "hand.raise")), sent(page));

        event(page, "questions", "question.asked", Map.of("questionId", "q-new", "text", "Is there a recording?",
                "anonymous", false, "votes", 0, "status", "OPEN", "askedAt", "2030-01-01T00:00:00Z",
                "participantId", tess.participantId().toString(), "displayName", "Tess Tester"));
        assertEquals(3, page.getByTestId("live-question").count());
        assertEquals(0, page.locator("[data-question-id='q-new'] button").count(), "no upvote button on one's own question");
        assertTrue(page.locator("[aria-live='polite']").allTextContents().stream().anyMatch(text -> text.contains("New question")));
        event(page, "questions", "question.dismissed", Map.of("questionId", adas));
        assertEquals(2, page.getByTestId("live-question").count(), "a dismissed question leaves the attendee's list");
        assertEquals(List.of(), errors);
    }

    @Test
    void aHostModeratesQuestionsPollsAndTheQueue() throws Exception {
        LiveRoomFixture room = LiveRoomFixture.seed(dataSource);
        Participant ada = room.attendee("Ada Asker");
        Participant host = room.host("Hanna Host");
        board.handle(ada, "question.ask", frame("text", "Where are the slides?", "anonymous", true));
        String adas = room.last("question.asked").payload().get("questionId").asText();
        polls.handle(host, "poll.create", frame("question", "Tea or coffee?", "options", List.of("Tea", "Coffee")));
        String poll = room.last("poll.created").payload().get("pollId").asText();
        polls.handle(host, "poll.open", frame("pollId", poll));
        hands.handle(ada, "hand.raise", frame());

        List<String> errors = new ArrayList<>();
        Page page = mounted(host, errors);
        assertTrue(page.getByTestId("live-question").first().textContent().contains("Ada Asker (Anonymous)"),
                "moderators see an anonymous question's author");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark answered")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lower hand: Ada Asker")).click();
        page.getByLabel("Question", new Page.GetByLabelOptions().setExact(true)).fill("Which day?");
        page.getByLabel("Answers, one per line").fill("Monday\n\n Friday ");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create poll")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share results")).click();
        page.waitForFunction("() => window.liveTest.sent.length === 4");
        assertEquals(List.of(
                Map.of("type", "question.answer", "questionId", adas),
                Map.of("type", "hand.lower", "participantId", ada.participantId().toString()),
                Map.of("type", "poll.create", "question", "Which day?", "options", List.of("Monday", "Friday"), "multiple", false),
                Map.of("type", "poll.share", "pollId", poll)), sent(page));

        event(page, "polls", "poll.results", Map.of("pollId", poll, "question", "Tea or coffee?", "options", List.of("Tea", "Coffee"),
                "multiple", false, "status", "OPEN", "shared", false, "final", false, "voters", 3, "counts", List.of(1, 2)));
        page.getByText("Coffee: 2").waitFor();
        page.getByText("3 voters").waitFor();
        event(page, "hands", "hand.lowered", Map.of("participantId", ada.participantId().toString(), "loweredBy",
                host.participantId().toString()));
        page.getByText("No hands raised.").waitFor();
        assertEquals(List.of(), errors);
    }

    @Test
    void thePlugInsSpeakThePagesLanguageFromTheTextsTag() throws Exception {
        LiveRoomFixture room = LiveRoomFixture.seed(dataSource);
        board.handle(room.attendee("Ada Asker"), "question.ask", frame("text", "Wo sind die Folien?", "anonymous", false));
        List<String> errors = new ArrayList<>();
        Page page = mounted(room.attendee("Tess Tester"), errors, Locale.GERMAN);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Unterstützen: Wo sind die Folien?")).waitFor();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Hand heben").setExact(true)).waitFor();
        page.getByText("Gerade keine Umfrage.").waitFor();
        assertEquals(1, page.getByLabel("Ihre Frage").count());
        assertEquals(List.of(), errors);
    }
}
