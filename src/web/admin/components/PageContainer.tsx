/** The frame of every admin page: title, one-line description, actions on the right, then content. */
import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageContainer(props: { title: ReactNode; description?: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-header-text">
          <Typography.Title level={4} className="page-title">
            {props.title}
          </Typography.Title>
          {props.description && <Typography.Text type="secondary">{props.description}</Typography.Text>}
        </div>
        {props.extra && <div className="page-header-extra">{props.extra}</div>}
      </div>
      <div className="page-body">{props.children}</div>
    </div>
  );
}
