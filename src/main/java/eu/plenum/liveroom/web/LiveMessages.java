package eu.plenum.liveroom.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the live interaction panel (attendee page and studio); German in messages/live_de.properties. */
@MessageBundle("live")
public interface LiveMessages {

    @Message("Interaction")
    String panel();

    @Message("Chat")
    String tab_chat();

    @Message("Write a message")
    String chat_placeholder();

    @Message("Send")
    String send();

    @Message("Message deleted")
    String deleted();

    @Message("Connecting to the room…")
    String connecting();

    @Message("Connected")
    String connected();

    @Message("Connection lost, reconnecting…")
    String reconnecting();

    @Message("A moderator removed you from this room.")
    String banned();

    @Message("The chat is off.")
    String chat_off();

    @Message("Slow mode: one message every {seconds} seconds.")
    String slow_mode(int seconds);

    @Message("Your name in the chat (no e-mail address)")
    String name_prompt();

    @Message("Join the chat")
    String join();

    @Message("Delete")
    String delete();

    @Message("Ban")
    String ban();

    @Message("Chat on")
    String chat_enabled();

    @Message("Slow mode (seconds between messages, 0 = off)")
    String slow_label();

    @Message("Apply")
    String apply();

    @Message("People here")
    String presence();

    @Message("{count} here")
    String presence_count(String count);

    @Message("Moderation")
    String moderation();

    @Message("unread")
    String unread();
}
