package io.github.wechatpaycomplaint.resilience;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder on a fixed local port that a test can stop (the port refuses
 * connections and open ones are cut), start again, or pause (connections stay open but
 * nothing gets through): a stand-in for a server going away.
 */
final class TcpForwarder implements AutoCloseable {

	private final int targetPort;

	private final int port;

	private final List<Socket> sockets = new CopyOnWriteArrayList<>();

	private volatile ServerSocket server;

	private volatile boolean paused;

	TcpForwarder(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = listen(0);
		this.port = this.server.getLocalPort();
	}

	int port() {
		return this.port;
	}

	/** Refuses new connections and cuts the open ones. */
	void stop() throws IOException {
		this.server.close();
		for (Socket socket : this.sockets) {
			socket.close();
		}
		this.sockets.clear();
	}

	/** Accepts and forwards connections again, on the same port. */
	void start() throws IOException {
		this.paused = false;
		this.server = listen(this.port);
	}

	/** Keeps the connections open but lets nothing through, as a server that hangs. */
	void pause() {
		this.paused = true;
	}

	@Override
	public void close() throws IOException {
		stop();
	}

	private ServerSocket listen(int port) throws IOException {
		ServerSocket socket = new ServerSocket();
		socket.setReuseAddress(true);
		socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
		daemon(() -> accept(socket));
		return socket;
	}

	private void accept(ServerSocket server) {
		try {
			while (true) {
				Socket client = server.accept();
				Socket target = new Socket(InetAddress.getLoopbackAddress(), this.targetPort);
				this.sockets.add(client);
				this.sockets.add(target);
				daemon(() -> pump(client, target));
				daemon(() -> pump(target, client));
			}
		}
		catch (IOException ex) {
			// stopped
		}
	}

	private void pump(Socket from, Socket to) {
		byte[] buffer = new byte[8192];
		try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
			int read;
			while ((read = in.read(buffer)) != -1) {
				if (!this.paused) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
		}
		catch (IOException ex) {
			// cut
		}
		finally {
			close(from);
			close(to);
		}
	}

	private static void close(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	private static void daemon(Runnable task) {
		Thread thread = new Thread(task, "tcp-forwarder");
		thread.setDaemon(true);
		thread.start();
	}

}
