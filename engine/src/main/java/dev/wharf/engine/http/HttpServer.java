package dev.wharf.engine.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDomainSocketChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.netty.channel.unix.DomainSocketAddress;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

/**
 * The Engine API server on a Unix socket: Netty's epoll transport decodes HTTP, {@link ConnectionHandler}
 * hands each request to a virtual thread. The socket is root-only, as Docker's is (access is root access).
 */
public final class HttpServer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HttpServer.class.getName());

    private final Path socket;
    private final EventLoopGroup group;
    private final Channel serverChannel;

    private HttpServer(Path socket, EventLoopGroup group, Channel serverChannel) {
        this.socket = socket;
        this.group = group;
        this.serverChannel = serverChannel;
    }

    /** Binds the socket (replacing a stale socket file nobody listens on) and starts serving the routes. */
    public static HttpServer start(Path socket, Router router, ObjectMapper json) throws IOException {
        Epoll.ensureAvailability();
        Files.createDirectories(socket.toAbsolutePath().getParent());
        removeStaleSocket(socket);
        Dispatcher dispatcher = new Dispatcher(router);
        // One I/O thread is plenty: it only moves bytes on a local socket, handlers run on virtual threads.
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
                new DefaultThreadFactory("wharf-http", true), EpollIoHandler.newFactory());
        try {
            Channel channel = new ServerBootstrap()
                    .group(group)
                    .channel(EpollServerDomainSocketChannel.class)
                    .childHandler(new ChannelInitializer<EpollDomainSocketChannel>() {
                        @Override
                        protected void initChannel(EpollDomainSocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(new HttpDecoderConfig()
                                    .setMaxInitialLineLength(64 << 10)
                                    .setMaxHeaderSize(256 << 10)));
                            ch.pipeline().addLast(new ConnectionHandler(dispatcher, json));
                        }
                    })
                    .bind(new DomainSocketAddress(socket.toString()))
                    .syncUninterruptibly()
                    .channel();
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
            return new HttpServer(socket, group, channel);
        } catch (RuntimeException | IOException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e instanceof IOException io ? io : new IOException("cannot listen on " + socket + ": " + e.getMessage(), e);
        }
    }

    public Path socket() {
        return socket;
    }

    /** Stops listening and drops open connections (streams and attaches end for their clients). */
    @Override
    public void close() {
        serverChannel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        try {
            Files.deleteIfExists(socket);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not remove " + socket + ": " + e.getMessage());
        }
    }

    private static void removeStaleSocket(Path socket) throws IOException {
        if (!Files.exists(socket, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean listening;
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            listening = probe.isConnected();
        } catch (IOException refused) {
            listening = false;
        }
        if (listening) {
            throw new IOException("another daemon is already listening on " + socket);
        }
        LOG.log(System.Logger.Level.INFO, "removing stale socket " + socket);
        Files.delete(socket);
    }
}
