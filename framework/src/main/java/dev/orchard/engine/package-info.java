/**
 * The JUnit Platform engine ({@code apple-network}) that turns every catalog row into tagged tests: engine ›
 * service › endpoint › check, with the catalog as the second segment of every unique id (not a tree node, so that
 * Surefire reports each service as its own test set; see {@code ServiceDescriptor}). Only
 * {@link dev.orchard.engine.AppleNetworkTestEngine} and {@link dev.orchard.engine.AppleNetworkCatalog} are public.
 */
package dev.orchard.engine;
