package dev.dropsync.scheduler.internal;

import dev.dropsync.scheduler.AutomationTask;
import dev.dropsync.scheduler.MisfirePolicy;
import dev.dropsync.scheduler.Schedule;
import dev.dropsync.scheduler.SchedulerListener;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Sends every event to several listeners in order; one that throws does not stop the others. */
public final class CompositeListener implements SchedulerListener {
  private final List<SchedulerListener> listeners;

  private CompositeListener(List<SchedulerListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** {@code first} followed by {@code next}, flattening composites and dropping {@link SchedulerListener#NONE}. */
  public static SchedulerListener of(SchedulerListener first, SchedulerListener next) {
    List<SchedulerListener> all = new ArrayList<>();
    for (SchedulerListener l : List.of(first, next)) {
      if (l instanceof CompositeListener c) {
        all.addAll(c.listeners);
      } else if (l != SchedulerListener.NONE) {
        all.add(l);
      }
    }
    if (all.isEmpty()) {
      return SchedulerListener.NONE;
    }
    return all.size() == 1 ? all.get(0) : new CompositeListener(all);
  }

  private void each(Consumer<SchedulerListener> event) {
    for (SchedulerListener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException ignored) {
        // a listener must not keep the event from the others, nor break the scheduler
      }
    }
  }

  @Override
  public void onClaimed(AutomationTask task) {
    each(l -> l.onClaimed(task));
  }

  @Override
  public void onCompleted(AutomationTask task, Duration duration) {
    each(l -> l.onCompleted(task, duration));
  }

  @Override
  public void onFailed(AutomationTask task, Throwable error) {
    each(l -> l.onFailed(task, error));
  }

  @Override
  public void onRetried(AutomationTask task, Throwable error, Instant nextAttemptAt) {
    each(l -> l.onRetried(task, error, nextAttemptAt));
  }

  @Override
  public void onDead(AutomationTask task) {
    each(l -> l.onDead(task));
  }

  @Override
  public void onReleased(AutomationTask task) {
    each(l -> l.onReleased(task));
  }

  @Override
  public void onMisfired(Schedule schedule, long missedCount, MisfirePolicy policy) {
    each(l -> l.onMisfired(schedule, missedCount, policy));
  }
}
