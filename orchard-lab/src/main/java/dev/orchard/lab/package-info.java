/**
 * The simulated network: small servers on loopback that answer the way a filtering, firewalled or healthy
 * enterprise network would, so that probes, the engine and users' own site tests can be exercised without any
 * traffic leaving the machine. Every server binds {@code 127.0.0.1:0}, publishes the port it got, and frees
 * everything on {@code close()}.
 */
package dev.orchard.lab;
