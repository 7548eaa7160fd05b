/**
 * The {@code shm://name} transport: a mailbox in a memory-mapped segment that clients on one host
 * send to and one or more server processes receive from, without the kernel on the hot path. See
 * {@link dev.skiff.rpc.transport.shm.ShmSegmentDescriptor} for the layout and docs/transports.md
 * for the design. Configure it with {@link dev.skiff.rpc.transport.shm.ShmConfig}; the other
 * classes are machinery.
 */
package dev.skiff.rpc.transport.shm;
