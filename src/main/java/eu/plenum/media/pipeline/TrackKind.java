package eu.plenum.media.pipeline;

/** The two kinds of track a publisher sends, with the muxer pad template each one takes. */
public enum TrackKind {
    VIDEO("video_%u"),
    AUDIO("audio_%u");

    private final String muxerPad;

    TrackKind(String muxerPad) {
        this.muxerPad = muxerPad;
    }

    String muxerPad() {
        return muxerPad;
    }
}
