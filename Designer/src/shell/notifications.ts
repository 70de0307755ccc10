import { reactive } from 'vue';
import { api } from '../api/http';

export interface NotificationItem {
  id: string;
  caseId: string | null;
  kind: string;
  subject: string;
  body: string;
  createdAt: string;
  read: boolean;
}

export interface NotificationsResponse {
  unreadCount: number;
  items: NotificationItem[];
}

/** The unread count the header shows; the notification centre refreshes it after marking items read. */
export const notifications = reactive({ unreadCount: 0 });

export async function refreshUnread(): Promise<NotificationsResponse> {
  const response = await api.get<NotificationsResponse>('/api/notifications');
  notifications.unreadCount = response.unreadCount;
  return response;
}
