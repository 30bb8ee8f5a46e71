/**
 * Where the framework meets optional parts found at run time through {@link java.util.ServiceLoader}: the simulated
 * network ({@code dev.orchard:orchard-lab}).
 */
package dev.orchard.spi;
