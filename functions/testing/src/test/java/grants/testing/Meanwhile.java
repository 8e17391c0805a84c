package grants.testing;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A port whose calls all go to the real one, with something else done once just before the first call
 * of one method: a race made to happen at a known point, so that a test of it cannot pass by luck.
 */
final class Meanwhile {

    private Meanwhile() {
    }

    static <T> T before(Class<T> port, T target, String method, Runnable meanwhile) {
        AtomicBoolean done = new AtomicBoolean();
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, called, args) -> {
            if (called.getName().equals(method) && done.compareAndSet(false, true)) {
                meanwhile.run();
            }
            try {
                return called.invoke(target, args);
            } catch (InvocationTargetException thrown) {
                throw thrown.getCause();
            }
        }));
    }
}
