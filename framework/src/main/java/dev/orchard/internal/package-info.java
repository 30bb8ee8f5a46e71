/**
 * Code shared between Orchard's packages that is not part of its API: no compatibility is promised.
 */
package dev.orchard.internal;
