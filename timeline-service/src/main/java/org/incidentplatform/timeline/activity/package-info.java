/**
 * The global activity feed: every incident's entries, newest recorded first, paged with an
 * opaque keyset cursor (recordedAt desc, id desc) so pages stay stable while entries arrive.
 */
package org.incidentplatform.timeline.activity;
