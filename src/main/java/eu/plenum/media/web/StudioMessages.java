package eu.plenum.media.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Texts of the studio page; German in messages/studio_de.properties. */
@MessageBundle("studio")
public interface StudioMessages {

    @Message("Studio")
    String title();

    @Message("This session has no studio yet. Opening it creates the room and its stream key for OBS or any WHIP encoder; the key is shown once.")
    String prepare_text();

    @Message("Open the studio")
    String prepare_button();

    @Message("Camera")
    String camera();

    @Message("Microphone")
    String microphone();

    @Message("Also share my screen")
    String share_screen();

    @Message("Go live")
    String go_live();

    @Message("Stop")
    String stop();

    @Message("Start recording")
    String record_start();

    @Message("Stop recording")
    String record_stop();

    @Message("Your preview")
    String preview();

    @Message("Offline")
    String state_offline();

    @Message("Connecting…")
    String state_connecting();

    @Message("Live")
    String state_live();

    @Message("Recording")
    String state_recording();

    @Message("Ended")
    String state_ended();

    @Message("Ended: media failure. Your recording up to the failure is kept; go live again to continue.")
    String state_media_failure();

    @Message("Stream from OBS or another encoder")
    String encoder_title();

    @Message("WHIP URL")
    String whip_url();

    @Message("Stream key")
    String stream_key();

    @Message("Copy it now: it is shown only once.")
    String stream_key_once();

    @Message("Ends in {hint}. Make a new key if you lost it; the old one stops working.")
    String stream_key_hint(String hint);

    @Message("New stream key")
    String stream_key_rotate();

    @Message("Recordings")
    String recordings();

    @Message("No recordings yet.")
    String recordings_empty();

    @Message("Download")
    String download();

    @Message("Studio")
    String studio_link();

    // The operators' media console (/console/media)

    @Message("Media workers and live rooms")
    String console_title();

    @Message("Worker processes of this app node and the rooms they serve; the page reloads every 5 s. Node")
    String console_lead();

    @Message("Idle (target)")
    String console_idle();

    @Message("Busy")
    String console_busy();

    @Message("Starting")
    String console_starting();

    @Message("Closing")
    String console_closing();

    @Message("Limit of worker processes")
    String console_limit();

    @Message("Lost while serving · failed starts")
    String console_failed();

    @Message("Live rooms on this node")
    String console_rooms();

    @Message("No room is live on this node.")
    String console_no_rooms();

    @Message("Room")
    String console_room();

    @Message("Ingest worker (pid)")
    String console_ingest();

    @Message("Viewer workers")
    String console_viewer_workers();

    @Message("HLS transcoders")
    String console_transcoders();

    @Message("WebRTC viewers")
    String console_webrtc_viewers();

    @Message("Worker processes")
    String console_workers();

    @Message("Worker")
    String console_worker();

    @Message("Job")
    String console_job();

    @Message("Phase")
    String console_phase();

    @Message("Viewers")
    String console_viewers();

    @Message("Last heartbeat")
    String console_heartbeat();
    @Message("Backstage — attendees are waiting in the lobby")
    String state_backstage();

    @Message("Practise first (backstage): attendees wait in the lobby until I open the doors")
    String practice_mode();

    @Message("Open to audience")
    String open_doors();

    @Message("Audience")
    String audience_title();

    @Message("Watching now")
    String audience_now();

    @Message("WebRTC")
    String audience_webrtc();

    @Message("HLS")
    String audience_hls();

    @Message("Peak of this session")
    String audience_peak();

    @Message("App node")
    String audience_node();

    @Message("Nobody is watching yet.")
    String audience_nobody();

    @Message("Stage")
    String stage_title();

    @Message("WebRTC viewers see the newest video unless you pin one.")
    String stage_hint();

    @Message("Video {index} ({tracks}), since {since}")
    String stage_video(String index, String tracks, String since);

    @Message("Pin")
    String stage_pin();

    @Message("Unpin")
    String stage_unpin();

    @Message("Pinned")
    String stage_pinned();

    @Message("No video is being sent.")
    String stage_none();

    @Message("Moderators")
    String moderators_title();

    @Message("Hosts of your organisation who moderate this webinar's chat, questions and polls with you.")
    String moderators_hint();

    @Message("Save moderators")
    String moderators_save();

    @Message("Saved.")
    String moderators_saved();

    @Message("No hosts were found in your organisation.")
    String moderators_nobody();
}
