/**
 * The JUnit Platform engine ({@code apple-network}) that turns every catalog row into tagged tests: engine ›
 * catalog › service › endpoint › check. Only {@link dev.orchard.engine.AppleNetworkTestEngine} and
 * {@link dev.orchard.engine.AppleNetworkCatalog} are public.
 */
package dev.orchard.engine;
