/**
 * Erasure (GDPR Art. 17): the job that erases one person of one tenant in every context (the
 * database part in one transaction through every {@code shared.PersonalDataHolder}, the recording
 * files at every storage place through media's copy job), its receipt, the list of erased people kept
 * outside the database (keyed hashes in each site's file storage), and the start-up step that applies
 * those erasures again after a database backup from before them was restored.
 */
package eu.plenum.compliance.erasure;
