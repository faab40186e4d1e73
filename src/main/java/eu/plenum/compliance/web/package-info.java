/** Compliance console pages: retention per tenant and the register's downloads ({@code /console/compliance/retention}). */
package eu.plenum.compliance.web;
