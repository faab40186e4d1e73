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
}
