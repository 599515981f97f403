/**
 * The outputs of a campaign, all made from one {@link org.seuil.audit.AuditSnapshot}: the printable
 * PDF report, CSV and GeoJSON of the same rows, and the osmChange file of the tag changes the
 * audit implies. Map backgrounds come through {@link org.seuil.audit.output.MapBackdrop}, so this
 * package needs no tile renderer.
 */
package org.seuil.audit.output;
