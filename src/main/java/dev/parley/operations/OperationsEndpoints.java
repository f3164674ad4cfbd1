package dev.parley.operations;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * {@code /metrics} and {@code /health} where the server does not serve them on the application's
 * port. Payara does, beside the application; WildFly serves its own on the management port only, so
 * there Parley answers them itself: the metrics it keeps ({@link OwnMeters}) and its MicroProfile
 * Health checks ({@link HealthServlet}), in the shapes Payara writes.
 */
@WebListener
public class OperationsEndpoints implements ServletContextListener {
    @Override
    public void contextInitialized(ServletContextEvent event) {
        if (Meters.SERVER_METRICS) return;
        var context = event.getServletContext();
        context.addServlet("parley-metrics", new MetricsServlet()).addMapping("/metrics");
        context.addServlet("parley-health", new HealthServlet()).addMapping("/health", "/health/*");
    }
}
