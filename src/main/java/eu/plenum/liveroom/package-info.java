/**
 * Live room interaction of one webinar session: chat, questions and upvotes, polls, raised hands,
 * presence and the host's moderation, over one WebSocket per attendee page.
 *
 * <p>Owns {@code live_event} (every event, personal data: author, time, text) and its per-session
 * counter. Participants send frames that a {@link eu.plenum.liveroom.LiveCommands} handler turns into
 * changes of its tables and {@link eu.plenum.liveroom.LiveEvents} appended in the same transaction.
 * Uses {@code audience} (attendee sessions), {@code identity} (hosts; the moderator picker reads the tenant's hosts through {@code TenantHosts}), {@code scheduling} (webinars,
 * sessions, registrations), {@code media} (the room's stage) and {@code shared}.
 */
package eu.plenum.liveroom;
