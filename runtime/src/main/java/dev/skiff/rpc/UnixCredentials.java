package dev.skiff.rpc;

/**
 * Who is at the other end of a Unix domain socket, as the kernel vouches for it ({@code
 * SO_PEERCRED}): taken when the client connected, so it cannot be forged by the client.
 *
 * @param pid the client's process id at connect time
 * @param uid its user id
 * @param gid its group id
 */
public record UnixCredentials(int pid, int uid, int gid) {}
