package dev.wharf.network.cni;

/** The CNI_COMMAND values wharfd uses (CHECK is skipped: portmap 1.1.1 fails it, see cni.md §5). */
public enum CniCommand {
    ADD, DEL
}
