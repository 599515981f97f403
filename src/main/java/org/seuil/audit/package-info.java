/**
 * District audits: campaigns over a district polygon, checklists, volunteers and their
 * assignments, zones and walking order, grades computed from measurements against a rule set,
 * and coverage. Pure model: no store, no UI; the store keeps campaigns through
 * {@code org.seuil.store.CampaignStore}. See docs/audits.md.
 */
package org.seuil.audit;
