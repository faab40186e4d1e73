package eu.plenum.scheduling;

/** Kinds of custom registration questions. */
public enum QuestionKind {
    TEXT, SINGLE_CHOICE, MULTIPLE_CHOICE
}
