/**
 * The Art. 30 register: records of processing generated from what the code knows (holders and their
 * columns, declared places, transfer log, retention rules, measures), as JSON, CSV and HTML in EN and DE.
 */
package eu.plenum.compliance.register;
