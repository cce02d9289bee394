import { notifications, type NotificationData } from '@mantine/notifications'

/** Shows a notification whose close button is named for screen readers. */
export function notify(data: NotificationData): string {
  return notifications.show({ closeButtonProps: { 'aria-label': 'Dismiss' }, ...data })
}
