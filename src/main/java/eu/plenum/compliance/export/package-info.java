/** The Art. 15/20 export job of the compliance context: claiming, writing the ZIP, the summary, keeping and sweeping the files. */
package eu.plenum.compliance.export;
