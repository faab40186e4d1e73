package eu.plenum.audience.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the attendee's lobby and player; German in messages/aud_de.properties. */
@MessageBundle("aud")
public interface AudienceMessages {

    @Message("Lobby")
    String title();

    @Message("Welcome, {name}.")
    String hello(String name);

    @Message("Hosted by {organisation}")
    String hosted_by(String organisation);

    @Message("Speakers")
    String speakers();

    @Message("Starts")
    String starts();

    @Message("Starts in")
    String starts_in();

    @Message("Starting any moment")
    String starting_now();

    @Message("Waiting for the host")
    String stage_waiting();

    @Message("The host is getting ready backstage; you will be let in shortly")
    String stage_backstage();

    @Message("Live")
    String stage_live();

    @Message("The webinar has ended")
    String stage_ended();

    @Message("This session is recorded")
    String notice_title();

    @Message("{organisation} records this session: the video and sound of the presenters and what they share. Watching does not put you into the recording. You appear in it only if you agree to be brought on stage or to have your name shown with a question, and saying no never stops you from watching. The recording is stored in the European Union, kept according to the organiser's retention rules, and you can ask the organiser for a copy of your data or its erasure. That you were shown this notice is recorded when you enter.")
    String notice_text(String organisation);

    @Message("Sound check")
    String sound_check();

    @Message("Play a test tone")
    String sound_check_play();

    @Message("You should hear a short tone. If you do not, check your volume and output device.")
    String sound_check_hint();

    @Message("Enter")
    String enter();

    @Message("Entering uses one of the devices your registration may watch on at the same time; a further device ends the oldest.")
    String enter_hint();

    @Message("This webinar is open to anyone with this link: no registration, and nothing about you is stored.")
    String open_hint();

    @Message("Connecting…")
    String state_connecting();

    @Message("Live")
    String state_live();

    @Message("Reconnecting…")
    String state_reconnecting();

    @Message("Waiting for the stream… retrying")
    String state_retrying();

    @Message("Turn sound on")
    String unmute();

    @Message("This device's access to the webinar has ended.")
    String access_ended();

    @Message("You opened this webinar on another device, so it stopped here.")
    String access_other_device();

    @Message("Leave")
    String leave();

    // Live panel: Q&A, polls and hands (live-questions.js, live-polls.js, live-hands.js read them as live.t(key)).

    @Message("Q&A")
    String live_qa_tab();

    @Message("Your question")
    String live_qa_label();

    @Message("Ask")
    String live_qa_ask();

    @Message("Ask anonymously (the host still sees your name)")
    String live_qa_anonymous();

    @Message("Anonymous")
    String live_qa_anonymous_author();

    @Message("Upvote")
    String live_qa_upvote();

    @Message("Upvoted")
    String live_qa_upvoted();

    @Message("votes")
    String live_qa_votes();

    @Message("Mark answered")
    String live_qa_answer();

    @Message("Dismiss")
    String live_qa_dismiss();

    @Message("Answered")
    String live_qa_answered();

    @Message("Dismissed")
    String live_qa_dismissed();

    @Message("No questions yet.")
    String live_qa_empty();

    @Message("New question")
    String live_qa_new();

    @Message("That did not work")
    String live_qa_refused();

    @Message("Polls")
    String live_poll_tab();

    @Message("Question")
    String live_poll_question();

    @Message("Answers, one per line")
    String live_poll_options();

    @Message("Several answers allowed")
    String live_poll_multiple();

    @Message("Create poll")
    String live_poll_create();

    @Message("Open")
    String live_poll_open();

    @Message("Close")
    String live_poll_close();

    @Message("Share results")
    String live_poll_share();

    @Message("Vote")
    String live_poll_vote();

    @Message("Thanks, your vote counts.")
    String live_poll_voted();

    @Message("voters")
    String live_poll_voters();

    @Message("Draft")
    String live_poll_draft();

    @Message("Closed")
    String live_poll_closed();

    @Message("No poll right now.")
    String live_poll_empty();

    @Message("New poll")
    String live_poll_new();

    @Message("That did not work")
    String live_poll_refused();

    @Message("Hands")
    String live_hand_tab();

    @Message("Raise hand")
    String live_hand_raise();

    @Message("Lower hand")
    String live_hand_lower();

    @Message("Your hand is up.")
    String live_hand_up();

    @Message("Your hand is down.")
    String live_hand_down();

    @Message("Raised hands")
    String live_hand_queue();

    @Message("No hands raised.")
    String live_hand_empty();

    @Message("raised a hand")
    String live_hand_new();

    @Message("That did not work")
    String live_hand_refused();

    @Message("Your consents")
    String consents_title();

    @Message("What you agreed to for this webinar and when. You can withdraw a consent at any time, as easily as you gave it; what was done before stays lawful, and from the next time you enter you are treated as not consenting.")
    String consents_intro();

    @Message("Privacy notice read")
    String consent_PRIVACY_NOTICE();

    @Message("Recording notice shown")
    String consent_RECORDING_NOTICE_SHOWN();

    @Message("Consent to be recorded (brought on stage, name shown with a question)")
    String consent_RECORDING_CONSENT();

    @Message("given")
    String consent_given();

    @Message("withdrawn")
    String consent_withdrawn();

    @Message("by you")
    String consent_by_SUBJECT();

    @Message("by the organiser's data-protection officer, at your request")
    String consent_by_OFFICER();

    @Message("Withdraw consent")
    String consent_withdraw();

    @Message("Agree to be recorded")
    String consent_give();

    @Message("Saved.")
    String consent_saved();

    @Message("Back to the lobby")
    String consent_back();

    @Message("You have agreed to be recorded if you are brought on stage or have your name shown with a question.")
    String consent_standing();

    @Message("You have not agreed to be recorded (or withdrew): you are not brought on stage and your name is not shown with a question.")
    String consent_none();

    @Message("Your consents")
    String consent_manage();
}
